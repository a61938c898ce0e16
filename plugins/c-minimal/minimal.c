/* A minimal khabar plugin in C: the proof that the plugin ABI does not depend on the Rust
 * compiler. It reports how many bytes the document's JSON took and how many lines its text has
 * (by counting the "\n" escapes in the document's "text" string).
 *
 *   cc -shared -fPIC -I ../../crates/khabar-plugin/include minimal.c -o libminimal.so
 *
 * then, in a config:  [plugins.minimal]  path = "libminimal.so"  and add "minimal" to the pipeline.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "khabar_plugin.h"

static KhabarBuffer make_buffer(const char *bytes, size_t len) {
    KhabarBuffer buffer;
    buffer.ptr = malloc(len ? len : 1);
    if (buffer.ptr) memcpy(buffer.ptr, bytes, len);
    buffer.len = buffer.ptr ? len : 0;
    buffer.cap = buffer.len;
    return buffer;
}

static int32_t describe(KhabarBuffer *out) {
    const char *description =
        "{\"name\":\"minimal\",\"version\":\"1.0\","
        "\"summary\":\"document size and line count (a plugin written in C)\","
        "\"requires\":[],\"provides\":[\"plugins.minimal\"],\"options\":[]}";
    *out = make_buffer(description, strlen(description));
    return KHABAR_OK;
}

static int32_t create(const uint8_t *options, size_t len, void **instance, KhabarBuffer *out) {
    static int stateless;
    (void)options;
    (void)len;
    *instance = &stateless;
    out->ptr = NULL;
    out->len = 0;
    out->cap = 0;
    return KHABAR_OK;
}

/* Lines of the "text" string: the document object's first "text" key is the document text. */
static size_t count_lines(const uint8_t *document, size_t len) {
    static const char key[] = "\"text\":\"";
    size_t lines = 1;
    size_t i = 0;
    while (i + sizeof key - 1 <= len && memcmp(document + i, key, sizeof key - 1) != 0) i++;
    for (i += sizeof key - 1; i < len && document[i] != '"'; i++) {
        if (document[i] == '\\' && i + 1 < len) {
            if (document[i + 1] == 'n') lines++;
            i++;
        }
    }
    return lines;
}

static int32_t analyze(void *instance, const uint8_t *document, size_t len, KhabarBuffer *out) {
    size_t lines = count_lines(document, len);
    char result[96];
    int written;
    (void)instance;
    written = snprintf(result, sizeof result, "{\"document_json_bytes\":%zu,\"lines\":%zu}", len, lines);
    *out = make_buffer(result, (size_t)written);
    return KHABAR_OK;
}

static void destroy(void *instance) {
    (void)instance;
}

static void free_buffer(KhabarBuffer buffer) {
    free(buffer.ptr);
}

static const KhabarPluginV1 TABLE = {
    KHABAR_ABI_VERSION, sizeof(KhabarPluginV1), describe, create, analyze, destroy, free_buffer,
};

const KhabarPluginV1 *khabar_plugin_v1(void) {
    return &TABLE;
}
