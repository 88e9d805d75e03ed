#include "gguf_file.h"

#include "protocol.h"

#include "ggml.h"
#include "gguf.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#ifdef _WIN32
#include <io.h>
#include <process.h>
#define ft_getpid _getpid
#define ft_fsync(fd) _commit(fd)
#else
#include <unistd.h>
#define ft_getpid getpid
#define ft_fsync(fd) fsync(fd)
#endif

std::string temp_path_for(const std::string & path) {
    // the writer's pid in the name: the app removes temp files of processes that are gone, never a live writer's
    return path + "." + std::to_string((long long) ft_getpid()) + ".tmp";
}

GgufOut::GgufOut() : gguf_(gguf_init_empty()) {}
GgufOut::~GgufOut() { gguf_free(gguf_); }

void GgufOut::write(const std::string & path) {
    // ggml tensors pointing at our host data, only so that gguf records names/shapes/offsets
    ggml_init_params ip = {ggml_tensor_overhead() * (tensors_.size() + 1), nullptr, true};
    ggml_context * ctx = ggml_init(ip);
    for (auto & t : tensors_) {
        ggml_tensor * g = ggml_new_tensor_2d(ctx, GGML_TYPE_F32, t.ne0, t.ne1);
        ggml_set_name(g, t.name.c_str());
        g->data = t.data.data();
        gguf_add_tensor(gguf_, g);
    }
    const std::string tmp = temp_path_for(path);
    FILE * f = fopen(tmp.c_str(), "wb");
    auto fail = [&](const char * what) {
        const std::string reason = errno ? strerror(errno) : "short write";
        if (f) fclose(f);
        remove(tmp.c_str());
        ggml_free(ctx);
        throw TrainError{"write-failed", std::string("cannot ") + what + " " + path + ": " + reason, EXIT_IO};
    };
    errno = 0;
    if (!f) fail("create");
    std::vector<uint8_t> meta(gguf_get_meta_size(gguf_));
    gguf_get_meta_data(gguf_, meta.data());
    if (fwrite(meta.data(), 1, meta.size(), f) != meta.size()) fail("write");
    size_t pos = meta.size();
    const size_t base = gguf_get_data_offset(gguf_);
    const uint8_t zeros[64] = {0};
    for (size_t i = 0; i < tensors_.size(); ++i) {
        const size_t at = base + gguf_get_tensor_offset(gguf_, (int64_t) i);
        while (pos < at) {
            const size_t n = std::min(sizeof zeros, at - pos);
            if (fwrite(zeros, 1, n, f) != n) fail("write");
            pos += n;
        }
        const size_t bytes = tensors_[i].data.size() * sizeof(float);
        if (fwrite(tensors_[i].data.data(), 1, bytes, f) != bytes) fail("write");
        pos += bytes;
    }
    // flushed to the disk before the rename, so a power cut leaves the old file or the new one, never a torn one
    if (fflush(f) != 0 || ft_fsync(fileno(f)) != 0) fail("write");
    if (fclose(f) != 0) { f = nullptr; fail("close"); }
    f = nullptr;
    if (rename(tmp.c_str(), path.c_str()) != 0) fail("rename to");
    ggml_free(ctx);
}

GgufIn::~GgufIn() {
    if (gguf) gguf_free(gguf);
    if (ctx) ggml_free(ctx);
}

ggml_tensor * GgufIn::tensor(const std::string & name) const { return ctx ? ggml_get_tensor(ctx, name.c_str()) : nullptr; }

int64_t GgufIn::get_i64(const char * key, int64_t dflt) const {
    const int64_t id = gguf_find_key(gguf, key);
    if (id < 0) return dflt;
    switch (gguf_get_kv_type(gguf, id)) {
        case GGUF_TYPE_INT64: return gguf_get_val_i64(gguf, id);
        case GGUF_TYPE_UINT32: return gguf_get_val_u32(gguf, id);
        case GGUF_TYPE_INT32: return gguf_get_val_i32(gguf, id);
        default: return dflt;
    }
}

double GgufIn::get_f64(const char * key, double dflt) const {
    const int64_t id = gguf_find_key(gguf, key);
    if (id < 0) return dflt;
    switch (gguf_get_kv_type(gguf, id)) {
        case GGUF_TYPE_FLOAT64: return gguf_get_val_f64(gguf, id);
        case GGUF_TYPE_FLOAT32: return gguf_get_val_f32(gguf, id);
        default: return dflt;
    }
}

std::string GgufIn::get_str(const char * key) const {
    const int64_t id = gguf_find_key(gguf, key);
    if (id < 0 || gguf_get_kv_type(gguf, id) != GGUF_TYPE_STRING) return "";
    return gguf_get_val_str(gguf, id);
}

std::vector<double> GgufIn::get_f64_array(const char * key) const {
    const int64_t id = gguf_find_key(gguf, key);
    if (id < 0 || gguf_get_kv_type(gguf, id) != GGUF_TYPE_ARRAY || gguf_get_arr_type(gguf, id) != GGUF_TYPE_FLOAT64) return {};
    const double * p = (const double *) gguf_get_arr_data(gguf, id);
    return std::vector<double>(p, p + gguf_get_arr_n(gguf, id));
}

std::unique_ptr<GgufIn> gguf_read(const std::string & path, bool with_data) {
    auto in = std::make_unique<GgufIn>();
    gguf_init_params p = {!with_data, &in->ctx};
    in->gguf = gguf_init_from_file(path.c_str(), p);
    if (!in->gguf) return nullptr;
    return in;
}
