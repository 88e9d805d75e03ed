// Small GGUF helpers: write a file of F32 tensors plus key/values with every write checked (a full disk is an
// error line, never a silently truncated adapter), atomically (temp file + rename); read one back.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct gguf_context;
struct ggml_context;
struct ggml_tensor;

struct HostTensor {
    std::string name;
    int64_t ne0 = 0, ne1 = 1;
    std::vector<float> data;
};

class GgufOut {
public:
    GgufOut();
    ~GgufOut();
    gguf_context * kv() { return gguf_; }
    void add(HostTensor t) { tensors_.push_back(std::move(t)); }
    // Throws TrainError (code "write-failed") when the file cannot be written completely.
    void write(const std::string & path);
private:
    gguf_context * gguf_;
    std::vector<HostTensor> tensors_;
};

// A GGUF read fully into memory (tensors allocated).
struct GgufIn {
    gguf_context * gguf = nullptr;
    ggml_context * ctx = nullptr;
    ~GgufIn();
    ggml_tensor * tensor(const std::string & name) const;
    int64_t get_i64(const char * key, int64_t dflt) const;
    double get_f64(const char * key, double dflt) const;
    std::string get_str(const char * key) const;
    std::vector<double> get_f64_array(const char * key) const;
};

// nullptr when the file is missing or not GGUF.
std::unique_ptr<GgufIn> gguf_read(const std::string & path, bool with_data);

/** `path.<pid>.tmp`: where a file is written before it is renamed into place (see GgufOut::write). */
std::string temp_path_for(const std::string & path);
