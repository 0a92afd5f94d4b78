// zlib for the ZIP reader of Ingest (.xlsx workbooks are ZIP archives).
//
// inflateInit2 is a macro (it passes ZLIB_VERSION and sizeof(z_stream) to inflateInit2_), which
// Swift cannot call; this static inline wrapper is compiled against the installed zlib.
#ifndef VERBATIM_CZLIB_SHIM_H
#define VERBATIM_CZLIB_SHIM_H

#include <zlib.h>

/// Starts a raw inflate (no zlib or gzip header: windowBits -15), as ZIP entries store it.
static inline int vb_inflateInitRaw(z_streamp strm) {
    return inflateInit2_(strm, -15, ZLIB_VERSION, (int)sizeof(z_stream));
}

#endif
