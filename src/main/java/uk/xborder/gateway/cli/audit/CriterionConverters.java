package uk.xborder.gateway.cli.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The checks the API makes of each criterion, made before anything is sent (docs/audit-api.md, Criteria). */
final class CriterionConverters {

    /** The API's longest text criterion. */
    static final int MAX_TEXT = 200;

    private CriterionConverters() {
    }

    /** An id, case reference, agency, partner or marking: not blank, not too long, no control characters. */
    static final class Text implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("empty; leave the option out to match any value");
            }
            if (value.length() > MAX_TEXT) {
                throw new TypeConversionException("longer than " + MAX_TEXT + " characters");
            }
            if (value.chars().anyMatch(Character::isISOControl)) {
                throw new TypeConversionException("contains control characters");
            }
            return value;
        }
    }

    /** An ISO-8601 instant, in UTC ({@code Z}) or with an offset. */
    static final class Time implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value.strip());
            } catch (DateTimeParseException notUtc) {
                try {
                    return OffsetDateTime.parse(value.strip()).toInstant();
                } catch (DateTimeParseException e) {
                    throw new TypeConversionException("not an ISO-8601 instant such as 2026-01-31T12:00:00Z");
                }
            }
        }
    }
}
