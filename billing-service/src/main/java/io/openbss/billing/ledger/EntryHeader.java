package io.openbss.billing.ledger;

import java.time.Instant;

/**
 * What a journal entry says besides its lines.
 *
 * @param detailType the kind of movement shown as trade_detail_type (RECHARGE, DEDUCT_ORDER, TRANSFER_ALLOCATE, ...)
 * @param customerId the customer whose money moved (the payer)
 * @param refundsTradeId for a refund, the trade id of the charge it gives back
 * @param businessTime when the event the entry records happened (an hour of usage rated later), or null: when it is
 *     posted. Change records and bill lines show it, and their bill cycle follows from it.
 */
public record EntryHeader(String idempotencyKey, String contentHash, TradeType tradeType, String detailType,
        String tradeId, String customerId, String serviceTypeCode, Integer paymentChannelId, String paymentChannelNo,
        String description, String refundsTradeId, Instant businessTime) {

    public static EntryHeader of(String idempotencyKey, TradeType tradeType, String detailType, String tradeId,
            String customerId) {
        return new EntryHeader(idempotencyKey, null, tradeType, detailType, tradeId, customerId, null, null, null,
                null, null, null);
    }

    public EntryHeader withContentHash(String hash) {
        return new EntryHeader(idempotencyKey, hash, tradeType, detailType, tradeId, customerId, serviceTypeCode,
                paymentChannelId, paymentChannelNo, description, refundsTradeId, businessTime);
    }

    public EntryHeader withPaymentChannel(Integer channelId, String channelNo) {
        return new EntryHeader(idempotencyKey, contentHash, tradeType, detailType, tradeId, customerId,
                serviceTypeCode, channelId, channelNo, description, refundsTradeId, businessTime);
    }

    public EntryHeader withDescription(String text) {
        return new EntryHeader(idempotencyKey, contentHash, tradeType, detailType, tradeId, customerId,
                serviceTypeCode, paymentChannelId, paymentChannelNo, text, refundsTradeId, businessTime);
    }

    public EntryHeader withService(String service) {
        return new EntryHeader(idempotencyKey, contentHash, tradeType, detailType, tradeId, customerId, service,
                paymentChannelId, paymentChannelNo, description, refundsTradeId, businessTime);
    }

    public EntryHeader refunding(String tradeIdOfCharge) {
        return new EntryHeader(idempotencyKey, contentHash, tradeType, detailType, tradeId, customerId,
                serviceTypeCode, paymentChannelId, paymentChannelNo, description, tradeIdOfCharge, businessTime);
    }
}
