// Defines the libcurl functions the transport calls as forwarders to the real
// ones, which are looked up with dlopen/dlsym on the first call (see
// include/CTransportLoader.h for why). The prototypes come from libcurl's own
// header, so the compiler checks every forwarder against the function it stands
// for; the soname is the one libcurl4-openssl-dev links against.
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>
#include <stdarg.h>
#include "CTransportLoader.h"
#include "LoaderSupport.h"

// X-macro list: return type, name, parameter list, argument list.
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

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

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

static int peerbot_curl_ready(void) {
    pthread_once(&curl_once, peerbot_load_curl);
    return curl_api.loaded;
}

const char *peerbot_curl_load_error(void) {
    return peerbot_curl_ready() ? NULL : curl_api.error;
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
