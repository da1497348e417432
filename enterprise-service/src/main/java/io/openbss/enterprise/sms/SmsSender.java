package io.openbss.enterprise.sms;

import io.smallrye.mutiny.Uni;

/** Delivers a text message; which one is used is configuration ({@code bss.enterprise.sms.sender}). */
public interface SmsSender {

    Uni<Void> send(String mobilePhone, String text);
}
