#ifndef PEERBOT_CCURL_SHIM_H
#define PEERBOT_CCURL_SHIM_H

// curl_easy_setopt and friends are variadic macros that Swift cannot import;
// these typed wrappers are the only way the transport calls them.
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>
#include <signal.h>

static inline CURLcode peerbot_curl_easy_setopt_long(CURL *h, CURLoption o, long v) {
    return curl_easy_setopt(h, o, v);
}
static inline CURLcode peerbot_curl_easy_setopt_string(CURL *h, CURLoption o, const char *v) {
    return curl_easy_setopt(h, o, v);
}
static inline CURLcode peerbot_curl_easy_setopt_pointer(CURL *h, CURLoption o, void *v) {
    return curl_easy_setopt(h, o, v);
}
static inline CURLcode peerbot_curl_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) {
    return curl_easy_setopt(h, o, v);
}
static inline CURLcode peerbot_curl_easy_setopt_off(CURL *h, CURLoption o, curl_off_t v) {
    return curl_easy_setopt(h, o, v);
}
typedef size_t (*peerbot_curl_data_callback)(char *, size_t, size_t, void *);
static inline CURLcode peerbot_curl_easy_setopt_datafn(CURL *h, CURLoption o, peerbot_curl_data_callback f) {
    return curl_easy_setopt(h, o, f);
}
typedef int (*peerbot_curl_xferinfo_callback)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t);
static inline CURLcode peerbot_curl_easy_setopt_xferinfofn(CURL *h, CURLoption o, peerbot_curl_xferinfo_callback f) {
    return curl_easy_setopt(h, o, f);
}
static inline CURLcode peerbot_curl_easy_getinfo_long(CURL *h, CURLINFO i, long *v) {
    return curl_easy_getinfo(h, i, v);
}
static inline CURLcode peerbot_curl_easy_getinfo_pointer(CURL *h, CURLINFO i, void **v) {
    return curl_easy_getinfo(h, i, v);
}
static inline CURLMcode peerbot_curl_multi_setopt_long(CURLM *m, CURLMoption o, long v) {
    return curl_multi_setopt(m, o, v);
}

// Macros that do not import into Swift.
static inline long peerbot_curl_global_default(void) { return CURL_GLOBAL_DEFAULT; }
static inline size_t peerbot_curl_error_size(void) { return CURL_ERROR_SIZE; }

// SIG_IGN is a cast macro; libcurl with CURLOPT_NOSIGNAL needs SIGPIPE ignored process-wide.
static inline void peerbot_ignore_sigpipe(void) { signal(SIGPIPE, SIG_IGN); }

#endif
