// SHA-256 (FIPS 180-4), for the adapter's provenance metadata (base model and training-file fingerprints).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

class Sha256 {
public:
    Sha256();
    void update(const void * data, size_t len);
    std::string hex();
private:
    void block(const uint8_t * p);
    uint32_t h_[8];
    uint8_t buf_[64];
    size_t buf_len_ = 0;
    uint64_t total_ = 0;
};

std::string sha256_hex(const void * data, size_t len);
// Hashes a file in chunks; returns "" when it cannot be read.
std::string sha256_file(const std::string & path);
