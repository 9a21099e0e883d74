// Defines the libwebsockets functions the transport calls as forwarders to the
// real ones, looked up with dlopen/dlsym on the first call (see
// include/CTransportLoader.h for why); the prototypes come from
// libwebsockets' own headers, the soname from libwebsockets-dev.
#include <libwebsockets.h>
#include "CTransportLoader.h"
#include "LoaderSupport.h"

// X-macro list: return type, name, parameter list, argument list.
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

// The looked-up functions; filled once under pthread_once, read-only afterwards.
static struct {
    PEERBOT_LWS_FUNCTIONS(PEERBOT_POINTER_FIELD)
    const char *(*lws_get_library_version)(void);
    int loaded;
    char error[512];
} lws_api;

static pthread_once_t lws_once = PTHREAD_ONCE_INIT;

// OpenSSL's certificate-verification figures, found through libwebsockets'
// own dependencies. For a failed handshake libwebsockets 4.1 reports only
// "connect SSL err 1" (it formats SSL_get_error's code as if it were an
// OpenSSL error, and has already cleared the queue); these say why the
// server's certificate was refused. Optional: without them the message is
// libwebsockets' own.
static struct {
    int (*X509_STORE_CTX_get_error)(void *context);
    int (*X509_STORE_CTX_get_error_depth)(void *context);
    const char *(*X509_verify_cert_error_string)(long error);
} tls_api;

static void peerbot_load_lws(void) {
    const char *soname = "libwebsockets.so.17";
    void *library = peerbot_open(soname, lws_api.error, sizeof lws_api.error);
    if (!library) return;
#define PEERBOT_LOOKUP_LWS(ret, name, params, args) PEERBOT_LOOKUP(lws_api, name, library);
    PEERBOT_LWS_FUNCTIONS(PEERBOT_LOOKUP_LWS)
    PEERBOT_LOOKUP(lws_api, lws_get_library_version, library);
    *(void **)&tls_api.X509_STORE_CTX_get_error = dlsym(library, "X509_STORE_CTX_get_error");
    *(void **)&tls_api.X509_STORE_CTX_get_error_depth = dlsym(library, "X509_STORE_CTX_get_error_depth");
    *(void **)&tls_api.X509_verify_cert_error_string = dlsym(library, "X509_verify_cert_error_string");
    lws_api.loaded = 1;
}

static int peerbot_lws_ready(void) {
    pthread_once(&lws_once, peerbot_load_lws);
    return lws_api.loaded;
}

const char *peerbot_lws_load_error(void) {
    return peerbot_lws_ready() ? NULL : lws_api.error;
}

int peerbot_tls_verify_problem(void *store_context, char *buffer, size_t size) {
    if (!store_context || !buffer || size == 0 || !peerbot_lws_ready()) return 0;
    if (!tls_api.X509_STORE_CTX_get_error || !tls_api.X509_verify_cert_error_string) return 0;
    int error = tls_api.X509_STORE_CTX_get_error(store_context);
    if (error == 0) return 0;  // X509_V_OK
    const char *reason = tls_api.X509_verify_cert_error_string(error);
    if (!reason) reason = "unknown error";
    int depth = tls_api.X509_STORE_CTX_get_error_depth ? tls_api.X509_STORE_CTX_get_error_depth(store_context) : -1;
    if (depth == 0) {
        snprintf(buffer, size, "%s (the server's own certificate)", reason);
    } else if (depth > 0) {
        snprintf(buffer, size, "%s (certificate %d up the server's chain)", reason, depth);
    } else {
        snprintf(buffer, size, "%s", reason);
    }
    return 1;
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
