// Check digits of the identifiers that carry one: the arithmetic of electron/core/pii/checksums.ts over a span of
// the text (the TypeScript takes the span's string).
#pragma once

#include <string>

#include "text.h"

namespace fieldtune_pii {

bool luhnValid(const Text& t, int start, int end, const char* prefix = "");
// Luhn mod 10 over a string of digits
bool luhnDigits(const std::string& digits);
bool ssnValid(const Text& t, int start, int end);
bool npiValid(const Text& t, int start, int end);
bool vinValid(const Text& t, int start, int end);
bool deaValid(const Text& t, int start, int end);
bool abaValid(const Text& t, int start, int end);
bool ibanValid(const Text& t, int start, int end);
// the same on an IBAN already without blanks and in upper case
bool ibanValid(const std::string& compact);
bool ipv4Valid(const Text& t, int start, int end);
int digitCount(const Text& t, int start, int end);

}  // namespace fieldtune_pii
