package io.openbss.gateway.identity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a domain kind by its wire name ({@code enterprise_master}, ...). */
@Converter
public class DomainKindConverter implements AttributeConverter<DomainKind, String> {

    @Override
    public String convertToDatabaseColumn(DomainKind kind) {
        return kind == null ? null : kind.wireName();
    }

    @Override
    public DomainKind convertToEntityAttribute(String value) {
        return value == null ? null : DomainKind.fromWireName(value);
    }
}
