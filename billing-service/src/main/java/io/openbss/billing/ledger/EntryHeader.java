package io.openbss.billing.ledger;

/**
 * What a journal entry says besides its lines.
 *
 * @param detailType the kind of movement shown as trade_detail_type (RECHARGE, DEDUCT_ORDER, TRANSFER_ALLOCATE, ...)
 * @param customerId the customer whose money moved (the payer)
 * @param refundsTradeId for a refund, the trade id of the charge it gives back
 */
public record EntryHeader(String idempotencyKey, String contentHash, TradeType tradeType, String detailType,
        String tradeId, String customerId, String serviceTypeCode, Integer paymentChannelId, String paymentChannelNo,
        String description, String refundsTradeId) {

    public static EntryHeader of(String idempotencyKey, TradeType tradeType, String detailType, String tradeId,
            String customerId) {
        return new EntryHeader(idempotencyKey, null, tradeType, detailType, tradeId, customerId, null, null, null,
                null, null);
    }

    public EntryHeader withContentHash(String hash) {
        return new EntryHeader(idempotencyKey, hash, tradeType, detailType, tradeId, customerId, serviceTypeCode,
                paymentChannelId, paymentChannelNo, description, refundsTradeId);
    }

    public EntryHeader withPaymentChannel(Integer channelId, String channelNo) {
        return new EntryHeader(idempotencyKey, contentHash, tradeType, detailType, tradeId, customerId,
                serviceTypeCode, channelId, channelNo, description, refundsTradeId);
    }

    public EntryHeader withDescription(String text) {
        return new EntryHeader(idempotencyKey, contentHash, tradeType, detailType, tradeId, customerId,
                serviceTypeCode, paymentChannelId, paymentChannelNo, text, refundsTradeId);
    }

    public EntryHeader withService(String service) {
        return new EntryHeader(idempotencyKey, contentHash, tradeType, detailType, tradeId, customerId, service,
                paymentChannelId, paymentChannelNo, description, refundsTradeId);
    }

    public EntryHeader refunding(String tradeIdOfCharge) {
        return new EntryHeader(idempotencyKey, contentHash, tradeType, detailType, tradeId, customerId,
                serviceTypeCode, paymentChannelId, paymentChannelNo, description, tradeIdOfCharge);
    }
}
