// Defines the libcurl and libwebsockets functions the transport calls as
// forwarders to the real ones, which are looked up with dlopen/dlsym on the
// first call (see include/CTransportLoader.h for why). The prototypes come
// from the libraries' own headers, so the compiler checks every forwarder
// against the function it stands for; the sonames are the ones the headers'
// packages (libcurl4-openssl-dev, libwebsockets-dev) link against.
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>
#include <libwebsockets.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "CTransportLoader.h"

// X-macro lists: return type, name, parameter list, argument list.
#define PEERBOT_CURL_FUNCTIONS(X)                                                                   \
    X(void, curl_easy_cleanup, (CURL * h), (h))                                                     \
    X(CURL *, curl_easy_init, (void), ())                                                           \
    X(CURLcode, curl_global_init, (long flags), (flags))                                            \
    X(CURLMcode, curl_multi_add_handle, (CURLM * m, CURL * h), (m, h))                              \
    X(CURLMcode, curl_multi_cleanup, (CURLM * m), (m))                                              \
    X(CURLMsg *, curl_multi_info_read, (CURLM * m, int *queued), (m, queued))                       \
    X(CURLM *, curl_multi_init, (void), ())                                                         \
    X(CURLMcode, curl_multi_perform, (CURLM * m, int *running), (m, running))                       \
    X(CURLMcode, curl_multi_poll,                                                                   \
      (CURLM * m, struct curl_waitfd extra[], unsigned int count, int timeout, int *ret),           \
      (m, extra, count, timeout, ret))                                                              \
    X(CURLMcode, curl_multi_remove_handle, (CURLM * m, CURL * h), (m, h))                           \
    X(CURLMcode, curl_multi_wakeup, (CURLM * m), (m))                                               \
    X(struct curl_slist *, curl_slist_append, (struct curl_slist * list, const char *data), (list, data)) \
    X(void, curl_slist_free_all, (struct curl_slist * list), (list))

#define PEERBOT_LWS_FUNCTIONS(X)                                                                    \
    X(int, lws_add_http_header_by_name,                                                             \
      (struct lws * wsi, const unsigned char *name, const unsigned char *value, int length,         \
       unsigned char **p, unsigned char *end),                                                      \
      (wsi, name, value, length, p, end))                                                           \
    X(int, lws_callback_on_writable, (struct lws * wsi), (wsi))                                     \
    X(void, lws_cancel_service, (struct lws_context * context), (context))                          \
    X(struct lws *, lws_client_connect_via_info, (const struct lws_client_connect_info *info), (info)) \
    X(void, lws_close_reason,                                                                       \
      (struct lws * wsi, enum lws_close_status status, unsigned char *buf, size_t len),             \
      (wsi, status, buf, len))                                                                      \
    X(void, lws_context_destroy, (struct lws_context * context), (context))                         \
    X(struct lws_context *, lws_create_context, (const struct lws_context_creation_info *info), (info)) \
    X(struct lws_vhost *, lws_create_vhost,                                                         \
      (struct lws_context * context, const struct lws_context_creation_info *info), (context, info)) \
    X(int, lws_extension_callback_pm_deflate,                                                       \
      (struct lws_context * context, const struct lws_extension *ext, struct lws *wsi,              \
       enum lws_extension_callback_reasons reason, void *user, void *in, size_t len),               \
      (context, ext, wsi, reason, user, in, len))                                                   \
    X(int, lws_frame_is_binary, (struct lws * wsi), (wsi))                                          \
    X(void *, lws_get_opaque_user_data, (const struct lws *wsi), (wsi))                             \
    X(struct lws_vhost *, lws_get_vhost_by_name, (struct lws_context * context, const char *name), (context, name)) \
    X(int, lws_hdr_copy, (struct lws * wsi, char *dest, int len, enum lws_token_indexes h), (wsi, dest, len, h)) \
    X(int, lws_is_final_fragment, (struct lws * wsi), (wsi))                                        \
    X(size_t, lws_remaining_packet_payload, (struct lws * wsi), (wsi))                              \
    X(int, lws_rx_flow_control, (struct lws * wsi, int enable), (wsi, enable))                      \
    X(int, lws_service, (struct lws_context * context, int timeout_ms), (context, timeout_ms))      \
    X(void, lws_set_log_level, (int level, void (*emit)(int level, const char *line)), (level, emit)) \
    X(void, lws_set_timeout, (struct lws * wsi, enum pending_timeout reason, int secs), (wsi, reason, secs)) \
    X(int, lws_write, (struct lws * wsi, unsigned char *buf, size_t len, enum lws_write_protocol protocol), \
      (wsi, buf, len, protocol))

#define PEERBOT_POINTER_FIELD(ret, name, params, args) ret(*name) params;

// The looked-up functions; filled once under pthread_once, read-only afterwards.
static struct {
    PEERBOT_CURL_FUNCTIONS(PEERBOT_POINTER_FIELD)
    CURLcode (*curl_easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*curl_easy_getinfo)(CURL *, CURLINFO, ...);
    CURLMcode (*curl_multi_setopt)(CURLM *, CURLMoption, ...);
    const char *(*curl_easy_strerror)(CURLcode);
    const char *(*curl_multi_strerror)(CURLMcode);
    char *(*curl_version)(void);
    int loaded;
    char error[512];
} curl_api;

static struct {
    PEERBOT_LWS_FUNCTIONS(PEERBOT_POINTER_FIELD)
    const char *(*lws_get_library_version)(void);
    int loaded;
    char error[512];
} lws_api;

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static pthread_once_t lws_once = PTHREAD_ONCE_INIT;

// Opens `soname` and looks up every name; on any failure records why and returns NULL.
static void *peerbot_open(const char *soname, char *error, size_t size) {
    void *library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!library) snprintf(error, size, "cannot load %s: %s", soname, dlerror());
    return library;
}

#define PEERBOT_LOOKUP(api, name, library)                                                     \
    do {                                                                                            \
        *(void **)&api.name = dlsym(library, #name);                                                \
        if (!api.name) {                                                                            \
            snprintf(api.error, sizeof api.error, "%s has no %s", soname, #name);                   \
            return;                                                                                 \
        }                                                                                           \
    } while (0)

static void peerbot_load_curl(void) {
    const char *soname = "libcurl.so.4";
    void *library = peerbot_open(soname, curl_api.error, sizeof curl_api.error);
    if (!library) return;
#define PEERBOT_LOOKUP_CURL(ret, name, params, args) PEERBOT_LOOKUP(curl_api, name, library);
    PEERBOT_CURL_FUNCTIONS(PEERBOT_LOOKUP_CURL)
    PEERBOT_LOOKUP(curl_api, curl_easy_setopt, library);
    PEERBOT_LOOKUP(curl_api, curl_easy_getinfo, library);
    PEERBOT_LOOKUP(curl_api, curl_multi_setopt, library);
    PEERBOT_LOOKUP(curl_api, curl_easy_strerror, library);
    PEERBOT_LOOKUP(curl_api, curl_multi_strerror, library);
    PEERBOT_LOOKUP(curl_api, curl_version, library);
    curl_api.loaded = 1;
}

static void peerbot_load_lws(void) {
    const char *soname = "libwebsockets.so.17";
    void *library = peerbot_open(soname, lws_api.error, sizeof lws_api.error);
    if (!library) return;
#define PEERBOT_LOOKUP_LWS(ret, name, params, args) PEERBOT_LOOKUP(lws_api, name, library);
    PEERBOT_LWS_FUNCTIONS(PEERBOT_LOOKUP_LWS)
    PEERBOT_LOOKUP(lws_api, lws_get_library_version, library);
    lws_api.loaded = 1;
}

static int peerbot_curl_ready(void) {
    pthread_once(&curl_once, peerbot_load_curl);
    return curl_api.loaded;
}

static int peerbot_lws_ready(void) {
    pthread_once(&lws_once, peerbot_load_lws);
    return lws_api.loaded;
}

const char *peerbot_curl_load_error(void) {
    return peerbot_curl_ready() ? NULL : curl_api.error;
}

const char *peerbot_lws_load_error(void) {
    return peerbot_lws_ready() ? NULL : lws_api.error;
}

// When its library cannot be loaded, each function answers the library's own
// failure value (a NULL handle, CURLE_FAILED_INIT, ...) so callers' existing
// error paths apply; the *_strerror and version functions answer why. Functions
// taking a handle are only reachable after a constructor succeeded.

void curl_easy_cleanup(CURL *h) {
    if (peerbot_curl_ready()) curl_api.curl_easy_cleanup(h);
}
CURL *curl_easy_init(void) {
    return peerbot_curl_ready() ? curl_api.curl_easy_init() : NULL;
}
CURLcode curl_global_init(long flags) {
    return peerbot_curl_ready() ? curl_api.curl_global_init(flags) : CURLE_FAILED_INIT;
}
CURLMcode curl_multi_add_handle(CURLM *m, CURL *h) {
    return peerbot_curl_ready() ? curl_api.curl_multi_add_handle(m, h) : CURLM_BAD_HANDLE;
}
CURLMcode curl_multi_cleanup(CURLM *m) {
    return peerbot_curl_ready() ? curl_api.curl_multi_cleanup(m) : CURLM_BAD_HANDLE;
}
CURLMsg *curl_multi_info_read(CURLM *m, int *queued) {
    return peerbot_curl_ready() ? curl_api.curl_multi_info_read(m, queued) : NULL;
}
CURLM *curl_multi_init(void) {
    return peerbot_curl_ready() ? curl_api.curl_multi_init() : NULL;
}
CURLMcode curl_multi_perform(CURLM *m, int *running) {
    return peerbot_curl_ready() ? curl_api.curl_multi_perform(m, running) : CURLM_BAD_HANDLE;
}
CURLMcode curl_multi_poll(CURLM *m, struct curl_waitfd extra[], unsigned int count, int timeout, int *ret) {
    return peerbot_curl_ready() ? curl_api.curl_multi_poll(m, extra, count, timeout, ret) : CURLM_BAD_HANDLE;
}
CURLMcode curl_multi_remove_handle(CURLM *m, CURL *h) {
    return peerbot_curl_ready() ? curl_api.curl_multi_remove_handle(m, h) : CURLM_BAD_HANDLE;
}
CURLMcode curl_multi_wakeup(CURLM *m) {
    return peerbot_curl_ready() ? curl_api.curl_multi_wakeup(m) : CURLM_BAD_HANDLE;
}
struct curl_slist *curl_slist_append(struct curl_slist *list, const char *data) {
    return peerbot_curl_ready() ? curl_api.curl_slist_append(list, data) : NULL;
}
void curl_slist_free_all(struct curl_slist *list) {
    if (peerbot_curl_ready()) curl_api.curl_slist_free_all(list);
}
const char *curl_easy_strerror(CURLcode code) {
    return peerbot_curl_ready() ? curl_api.curl_easy_strerror(code) : curl_api.error;
}
const char *curl_multi_strerror(CURLMcode code) {
    return peerbot_curl_ready() ? curl_api.curl_multi_strerror(code) : curl_api.error;
}
char *curl_version(void) {
    return peerbot_curl_ready() ? curl_api.curl_version() : curl_api.error;
}

// The variadic three take exactly one more argument, whose type the option's
// number encodes (curl.h's CURLOPTTYPE_* bands; libcurl reads it the same way).
CURLcode curl_easy_setopt(CURL *h, CURLoption option, ...) {
    if (!peerbot_curl_ready()) return CURLE_FAILED_INIT;
    va_list list;
    va_start(list, option);
    CURLcode result;
    if (option < CURLOPTTYPE_OBJECTPOINT) {
        long value = va_arg(list, long);
        result = curl_api.curl_easy_setopt(h, option, value);
    } else if (option >= CURLOPTTYPE_OFF_T && option < CURLOPTTYPE_BLOB) {
        curl_off_t value = va_arg(list, curl_off_t);
        result = curl_api.curl_easy_setopt(h, option, value);
    } else {
        // Object, string, list, callback data, blob and function pointers: all pointer-sized.
        void *value = va_arg(list, void *);
        result = curl_api.curl_easy_setopt(h, option, value);
    }
    va_end(list);
    return result;
}

CURLcode curl_easy_getinfo(CURL *h, CURLINFO info, ...) {
    if (!peerbot_curl_ready()) return CURLE_FAILED_INIT;
    va_list list;
    va_start(list, info);
    void *destination = va_arg(list, void *);  // every CURLINFO takes a pointer to its result
    va_end(list);
    return curl_api.curl_easy_getinfo(h, info, destination);
}

CURLMcode curl_multi_setopt(CURLM *m, CURLMoption option, ...) {
    if (!peerbot_curl_ready()) return CURLM_BAD_HANDLE;
    va_list list;
    va_start(list, option);
    CURLMcode result;
    if (option < CURLOPTTYPE_OBJECTPOINT) {
        long value = va_arg(list, long);
        result = curl_api.curl_multi_setopt(m, option, value);
    } else if (option >= CURLOPTTYPE_OFF_T && option < CURLOPTTYPE_BLOB) {
        curl_off_t value = va_arg(list, curl_off_t);
        result = curl_api.curl_multi_setopt(m, option, value);
    } else {
        void *value = va_arg(list, void *);
        result = curl_api.curl_multi_setopt(m, option, value);
    }
    va_end(list);
    return result;
}

// libwebsockets: only lws_create_context and the version can be reached without a context.
int lws_add_http_header_by_name(struct lws *wsi, const unsigned char *name, const unsigned char *value, int length,
                                unsigned char **p, unsigned char *end) {
    return peerbot_lws_ready() ? lws_api.lws_add_http_header_by_name(wsi, name, value, length, p, end) : -1;
}
int lws_callback_on_writable(struct lws *wsi) {
    return peerbot_lws_ready() ? lws_api.lws_callback_on_writable(wsi) : -1;
}
void lws_cancel_service(struct lws_context *context) {
    if (peerbot_lws_ready()) lws_api.lws_cancel_service(context);
}
struct lws *lws_client_connect_via_info(const struct lws_client_connect_info *info) {
    return peerbot_lws_ready() ? lws_api.lws_client_connect_via_info(info) : NULL;
}
void lws_close_reason(struct lws *wsi, enum lws_close_status status, unsigned char *buf, size_t len) {
    if (peerbot_lws_ready()) lws_api.lws_close_reason(wsi, status, buf, len);
}
void lws_context_destroy(struct lws_context *context) {
    if (peerbot_lws_ready()) lws_api.lws_context_destroy(context);
}
struct lws_context *lws_create_context(const struct lws_context_creation_info *info) {
    return peerbot_lws_ready() ? lws_api.lws_create_context(info) : NULL;
}
struct lws_vhost *lws_create_vhost(struct lws_context *context, const struct lws_context_creation_info *info) {
    return peerbot_lws_ready() ? lws_api.lws_create_vhost(context, info) : NULL;
}
// Its address goes into the extensions array; libwebsockets then calls this forwarder.
int lws_extension_callback_pm_deflate(struct lws_context *context, const struct lws_extension *ext, struct lws *wsi,
                                      enum lws_extension_callback_reasons reason, void *user, void *in, size_t len) {
    return peerbot_lws_ready() ? lws_api.lws_extension_callback_pm_deflate(context, ext, wsi, reason, user, in, len) : -1;
}
int lws_frame_is_binary(struct lws *wsi) {
    return peerbot_lws_ready() ? lws_api.lws_frame_is_binary(wsi) : 0;
}
const char *lws_get_library_version(void) {
    return peerbot_lws_ready() ? lws_api.lws_get_library_version() : lws_api.error;
}
void *lws_get_opaque_user_data(const struct lws *wsi) {
    return peerbot_lws_ready() ? lws_api.lws_get_opaque_user_data(wsi) : NULL;
}
struct lws_vhost *lws_get_vhost_by_name(struct lws_context *context, const char *name) {
    return peerbot_lws_ready() ? lws_api.lws_get_vhost_by_name(context, name) : NULL;
}
int lws_hdr_copy(struct lws *wsi, char *dest, int len, enum lws_token_indexes h) {
    return peerbot_lws_ready() ? lws_api.lws_hdr_copy(wsi, dest, len, h) : -1;
}
int lws_is_final_fragment(struct lws *wsi) {
    return peerbot_lws_ready() ? lws_api.lws_is_final_fragment(wsi) : 1;
}
size_t lws_remaining_packet_payload(struct lws *wsi) {
    return peerbot_lws_ready() ? lws_api.lws_remaining_packet_payload(wsi) : 0;
}
int lws_rx_flow_control(struct lws *wsi, int enable) {
    return peerbot_lws_ready() ? lws_api.lws_rx_flow_control(wsi, enable) : -1;
}
int lws_service(struct lws_context *context, int timeout_ms) {
    return peerbot_lws_ready() ? lws_api.lws_service(context, timeout_ms) : -1;
}
void lws_set_log_level(int level, void (*emit)(int level, const char *line)) {
    if (peerbot_lws_ready()) lws_api.lws_set_log_level(level, emit);
}
void lws_set_timeout(struct lws *wsi, enum pending_timeout reason, int secs) {
    if (peerbot_lws_ready()) lws_api.lws_set_timeout(wsi, reason, secs);
}
int lws_write(struct lws *wsi, unsigned char *buf, size_t len, enum lws_write_protocol protocol) {
    return peerbot_lws_ready() ? lws_api.lws_write(wsi, buf, len, protocol) : -1;
}
