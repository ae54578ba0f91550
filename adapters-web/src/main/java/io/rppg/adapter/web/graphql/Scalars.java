package io.rppg.adapter.web.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;

/** The schema's two scalars: {@code DateTime} (ISO-8601 instants) and {@code JSON} (any JSON value). */
final class Scalars {

    private Scalars() {
    }

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar().name("DateTime")
            .description("An instant as ISO-8601 text in UTC")
            .coercing(new Coercing<Instant, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof Instant instant) {
                        return instant.toString();
                    }
                    if (value instanceof String text) {
                        return text;
                    }
                    throw new CoercingSerializeException("not an instant");
                }

                @Override
                public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
                    return parse(input, CoercingParseValueException::new);
                }

                @Override
                public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                            Locale locale) {
                    if (!(input instanceof StringValue text)) {
                        throw new CoercingParseLiteralException("a DateTime is ISO-8601 text");
                    }
                    return parse(text.getValue(), CoercingParseLiteralException::new);
                }
            }).build();

    static final GraphQLScalarType JSON = GraphQLScalarType.newScalar().name("JSON")
            .description("Any JSON value")
            .coercing(new Coercing<Object, Object>() {
                @Override
                public Object serialize(Object value, GraphQLContext context, Locale locale) {
                    return value;
                }

                @Override
                public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                    return input;
                }

                @Override
                public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                           Locale locale) {
                    return literal(input, variables);
                }
            }).build();

    private static Object literal(Value<?> input, CoercedVariables variables) {
        return switch (input) {
            case NullValue ignored -> null;
            case StringValue text -> text.getValue();
            case BooleanValue bool -> bool.isValue();
            case IntValue number -> number.getValue();
            case FloatValue number -> number.getValue();
            case ArrayValue array -> array.getValues().stream().map(value -> literal(value, variables)).toList();
            case ObjectValue object -> {
                var map = new LinkedHashMap<String, Object>();
                object.getObjectFields().forEach(field -> map.put(field.getName(), literal(field.getValue(), variables)));
                yield map;
            }
            case VariableReference reference -> variables.get(reference.getName());
            default -> throw new CoercingParseLiteralException("not a JSON value");
        };
    }

    private static <E extends RuntimeException> Instant parse(Object input,
                                                              java.util.function.Function<String, E> failure) {
        if (!(input instanceof String text)) {
            throw failure.apply("a DateTime is ISO-8601 text");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw failure.apply("not an ISO-8601 instant, e.g. 2026-11-30T15:45:00Z");
        }
    }
}
