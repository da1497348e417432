package io.openbss.enterprise.sms;

import static io.openbss.common.request.RequestParameters.checkRange;
import static io.openbss.common.request.RequestParameters.optionalText;

import io.openbss.common.error.BssException;
import java.util.List;
import java.util.regex.Pattern;

/** SendSmVerificationCodeReq of the SDK. */
public record VerificationCodeRequest(String mobilePhone,
        Integer timeout, String language,
        List<TemplateArg> smTemplateArgs) {

    /** A phone number: an optional '+', then digits and '-' (as in +86-13800000000). */
    public static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9-]{4,19}");

    /** TemplateArgs of the SDK; the only key is sub_customer_name. */
    public record TemplateArg(String key, String value) {
    }

    public void validate() {
        checkPhone("mobile_phone", mobilePhone);
        checkRange("timeout", timeout, 1, 100, 10);
        if (language != null && !language.equals("zh-cn") && !language.equals("en-us")) {
            throw BssException.badParameter("language", "must be zh-cn or en-us");
        }
        if (smTemplateArgs != null) {
            for (TemplateArg arg : smTemplateArgs) {
                if (arg == null || !"sub_customer_name".equals(arg.key())) {
                    throw BssException.badParameter("sm_template_args", "the only key is sub_customer_name");
                }
                optionalText("sm_template_args.value", arg.value(), 64);
            }
        }
    }

    public static String checkPhone(String parameter, String phone) {
        if (phone == null || phone.length() > 20 || !PHONE.matcher(phone).matches()) {
            throw BssException.badParameter(parameter, "must be a phone number of at most 20 characters");
        }
        return phone;
    }

    int timeoutMinutes() {
        return timeout == null ? 10 : timeout;
    }

    String text(String code) {
        String name = smTemplateArgs == null || smTemplateArgs.isEmpty() ? null : smTemplateArgs.get(0).value();
        if ("en-us".equals(language)) {
            return "OpenBSS verification code " + code + ", valid for " + timeoutMinutes() + " minutes"
                    + (name == null ? "" : ", to create the enterprise sub-account " + name) + ".";
        }
        return "OpenBSS 验证码 " + code + "，" + timeoutMinutes() + " 分钟内有效"
                + (name == null ? "" : "，用于创建企业子账号 " + name) + "。";
    }
}
