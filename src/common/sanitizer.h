/* sanitizer.h - tells code whether it was built with AddressSanitizer.
 *
 * Sanitizer builds replace glibc's allocator and keep freed memory in a
 * quarantine, so malloc settings and RSS readings mean something else
 * there. BANGTIN_ASAN is 1 in those builds (gcc or clang), 0 otherwise. */
#ifndef BANGTIN_SANITIZER_H
#define BANGTIN_SANITIZER_H

#if defined(__SANITIZE_ADDRESS__)
#define BANGTIN_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BANGTIN_ASAN 1
#endif
#endif

#ifndef BANGTIN_ASAN
#define BANGTIN_ASAN 0
#endif

#endif
