package io.rppg.adapter.web.input;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTextTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void textPostgresqlCannotKeepIsNamed() {
        assertThat(StorableText.problemWith("gh\u0000ost")).hasValue("the null character (U+0000)");
        assertThat(StorableText.problemWith("a\ud800")).hasValue("an unpaired UTF-16 surrogate");
        assertThat(StorableText.problemWith("\udc00a")).hasValue("an unpaired UTF-16 surrogate");
        assertThat(StorableText.problemWith("\udc00\ud800")).hasValue("an unpaired UTF-16 surrogate");
    }

    @Test
    void anyOtherTextIsStorable() {
        assertThat(StorableText.problemWith("Clinic A")).isEmpty();
        assertThat(StorableText.problemWith("heart \ud83d\udc93, tab\t, bell\u0007, \u202e")).isEmpty();
        assertThat(StorableText.problemWith("")).isEmpty();
        assertThat(StorableText.problemWith(null)).isEmpty();
    }

    @Test
    void theFirstUnstorableTextOfATreeIsFoundWithItsPath() {
        var tree = JSON.readTree("{\"patient\":\"p-17\",\"visits\":[{\"note\":\"ok\"},{\"note\":\"a\\u0000b\"}]}");

        var found = StorableText.firstIn(tree, "meta_data");

        assertThat(found).hasValueSatisfying(unstorable -> {
            assertThat(unstorable.field()).isEqualTo("meta_data.visits[1].note");
            assertThat(unstorable.message()).isEqualTo(
                    "meta_data.visits[1].note holds the null character (U+0000), which cannot be stored");
        });
    }

    @Test
    void aFieldNameIsTextTooAndIsNotEchoed() {
        var found = StorableText.firstIn(JSON.readTree("{\"inner\":{\"a\\u0000\":1}}"), "meta_data");

        assertThat(found).hasValueSatisfying(unstorable -> {
            assertThat(unstorable.field()).isEqualTo("meta_data.inner");
            assertThat(unstorable.problem()).startsWith("a field name with");
        });
        assertThat(StorableText.firstIn(JSON.readTree("{\"a\":[1,true,null,\"x\",1e300]}"), "m")).isEmpty();
    }

    @Test
    void aNumberTooLargeForADoubleIsNotKeptAsInfinity() {
        var found = StorableText.firstIn(JSON.readTree("{\"a\":[-1e999999]}"), "meta_data");

        assertThat(found).hasValueSatisfying(unstorable -> assertThat(unstorable.message())
                .isEqualTo("meta_data.a[0] holds a number beyond the range of a double, which cannot be stored"));
    }

    @Test
    void theJsonModuleRefusesAStringFieldWithItsPath() {
        var mapper = JsonMapper.builder().addModule(new StorableTextModule()).build();
        record Body(String name, java.util.List<String> events) {
        }

        var refused = org.assertj.core.api.Assertions.catchThrowable(() ->
                mapper.readValue("{\"name\":\"ok\",\"events\":[\"a\",\"b\\ud800\"]}", Body.class));

        assertThat(UnstorableTextException.in(refused)).hasValueSatisfying(unstorable ->
                assertThat(unstorable.field()).isEqualTo("events[1]"));
        assertThat(mapper.readValue("{\"name\":\"Clinic \\u00e9\"}", Body.class).name()).isEqualTo("Clinic é");
    }
}
