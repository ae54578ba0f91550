package io.rppg.adapter.web.input;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string the web layer reads from a request body goes through here: one that cannot be stored is refused
 * while the body is read, with the path of its field, so no use case ever sees it. (Spring Boot adds every Jackson
 * module bean to the platform's JSON mapper.)
 */
@Component
public class StorableTextModule extends SimpleModule {

    public StorableTextModule() {
        super("storable-text");
        addDeserializer(String.class, new StorableStringDeserializer());
    }

    private static final class StorableStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            var text = super.deserialize(parser, context);
            var problem = StorableText.problemWith(text);
            if (problem.isPresent()) {
                throw new UnstorableTextException(parser, problem.get());
            }
            return text;
        }
    }
}
