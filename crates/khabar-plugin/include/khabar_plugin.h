/* khabar plugin ABI, version 1.
 *
 * A plugin is a shared library exporting `khabar_plugin_v1`, which returns a pointer to a
 * static KhabarPluginV1 table. Documents, options and results cross as UTF-8 JSON. Every
 * buffer the plugin returns is freed by the host through the plugin's free_buffer. Fields of
 * the table are only ever appended in later minor versions. analyze may be called from several
 * threads at once on one instance.
 */
#ifndef KHABAR_PLUGIN_H
#define KHABAR_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#define KHABAR_ABI_VERSION 1
#define KHABAR_OK 0
#define KHABAR_ERROR 1     /* the out buffer holds a UTF-8 message */
#define KHABAR_PANICKED 2  /* the plugin failed internally; the out buffer says how */

typedef struct KhabarBuffer {
    uint8_t *ptr;
    size_t len;
    size_t cap;
} KhabarBuffer;

typedef struct KhabarPluginV1 {
    uint32_t abi_version; /* KHABAR_ABI_VERSION */
    uint32_t size;        /* sizeof(KhabarPluginV1) */
    /* {"name","version","summary","requires":[...],"provides":["plugins.<name>"],"options":[...]} */
    int32_t (*describe)(KhabarBuffer *out);
    /* options: JSON object (may be empty); *instance receives an opaque pointer */
    int32_t (*create)(const uint8_t *options, size_t len, void **instance, KhabarBuffer *out);
    /* document: the output contract's JSON object; out: the plugin's layer as JSON */
    int32_t (*analyze)(void *instance, const uint8_t *document, size_t len, KhabarBuffer *out);
    void (*destroy)(void *instance);
    void (*free_buffer)(KhabarBuffer buffer);
} KhabarPluginV1;

const KhabarPluginV1 *khabar_plugin_v1(void);

#endif
