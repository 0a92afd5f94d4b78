// Unversioned wrappers around the ICU C API.
//
// ICU renames every entry point with its major version (unorm2_normalize -> unorm2_normalize_72).
// Swift sees the renamed symbols, so code calling them would break with the next ICU. These
// static inline wrappers are compiled against whatever ICU is installed and keep one stable name.
#ifndef VERBATIM_CICU_SHIM_H
#define VERBATIM_CICU_SHIM_H

#include <unicode/utypes.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/ustring.h>
#include <unicode/ucnv.h>

static inline int vb_failure(UErrorCode code) { return U_FAILURE(code) ? 1 : 0; }
static inline const char *vb_errorName(UErrorCode code) { return u_errorName(code); }

// Normalization
static inline const UNormalizer2 *vb_nfc(UErrorCode *status) { return unorm2_getNFCInstance(status); }
static inline const UNormalizer2 *vb_nfd(UErrorCode *status) { return unorm2_getNFDInstance(status); }
static inline const UNormalizer2 *vb_nfkc(UErrorCode *status) { return unorm2_getNFKCInstance(status); }
static inline int32_t vb_normalize(const UNormalizer2 *n, const UChar *src, int32_t length,
                                   UChar *dest, int32_t capacity, UErrorCode *status) {
    return unorm2_normalize(n, src, length, dest, capacity, status);
}
static inline int vb_hasBoundaryBefore(const UNormalizer2 *n, UChar32 c) {
    return unorm2_hasBoundaryBefore(n, c) ? 1 : 0;
}
static inline int vb_isInert(const UNormalizer2 *n, UChar32 c) {
    return unorm2_isInert(n, c) ? 1 : 0;
}

// Character properties
static inline int vb_hasBinaryProperty(UChar32 c, UProperty which) { return u_hasBinaryProperty(c, which) ? 1 : 0; }
static inline int32_t vb_intPropertyValue(UChar32 c, UProperty which) { return u_getIntPropertyValue(c, which); }
static inline int8_t vb_charType(UChar32 c) { return u_charType(c); }
static inline UChar32 vb_foldCase(UChar32 c) { return u_foldCase(c, U_FOLD_CASE_DEFAULT); }
static inline int32_t vb_strFoldCase(UChar *dest, int32_t capacity, const UChar *src, int32_t length,
                                     UErrorCode *status) {
    return u_strFoldCase(dest, capacity, src, length, U_FOLD_CASE_DEFAULT, status);
}
static inline int vb_isUpper(UChar32 c) { return u_isUUppercase(c) ? 1 : 0; }
static inline int vb_isAlphabetic(UChar32 c) { return u_isUAlphabetic(c) ? 1 : 0; }

// Break iteration over UTF-8 text
static inline UBreakIterator *vb_ubrkOpen(UBreakIteratorType type, const char *locale, UErrorCode *status) {
    return ubrk_open(type, locale, NULL, 0, status);
}
static inline void vb_ubrkClose(UBreakIterator *bi) { ubrk_close(bi); }
static inline void vb_ubrkSetUText(UBreakIterator *bi, UText *text, UErrorCode *status) {
    ubrk_setUText(bi, text, status);
}
static inline int32_t vb_ubrkFirst(UBreakIterator *bi) { return ubrk_first(bi); }
static inline int32_t vb_ubrkNext(UBreakIterator *bi) { return ubrk_next(bi); }
static inline int32_t vb_ubrkRuleStatus(UBreakIterator *bi) { return ubrk_getRuleStatus(bi); }
static inline int32_t vb_ubrkDone(void) { return UBRK_DONE; }
static inline UText *vb_utextOpenUTF8(UText *ut, const char *s, int64_t length, UErrorCode *status) {
    return utext_openUTF8(ut, s, length, status);
}
static inline void vb_utextClose(UText *ut) { utext_close(ut); }

// Charset conversion
static inline UConverter *vb_ucnvOpen(const char *name, UErrorCode *status) { return ucnv_open(name, status); }
static inline void vb_ucnvClose(UConverter *c) { ucnv_close(c); }
static inline int32_t vb_ucnvToAlgorithmicUTF8(const char *fromName, char *target, int32_t capacity,
                                               const char *source, int32_t length, UErrorCode *status) {
    return ucnv_convert("UTF-8", fromName, target, capacity, source, length, status);
}

#endif
