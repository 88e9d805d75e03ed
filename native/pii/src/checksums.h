// Check digits of the identifiers that carry one: the arithmetic of electron/core/pii/checksums.ts over a span of
// the text (the TypeScript takes the span's string).
#pragma once

#include "text.h"

namespace fieldtune_pii {

bool luhnValid(const Text& t, int start, int end, const char* prefix = "");
bool ssnValid(const Text& t, int start, int end);
bool npiValid(const Text& t, int start, int end);
bool vinValid(const Text& t, int start, int end);
bool deaValid(const Text& t, int start, int end);
bool abaValid(const Text& t, int start, int end);
bool ibanValid(const Text& t, int start, int end);
bool ipv4Valid(const Text& t, int start, int end);
int digitCount(const Text& t, int start, int end);

}  // namespace fieldtune_pii
