// Check digits of national, health and tax numbers issued outside the US: electron/core/pii/worldChecksums.ts and
// vat.ts, over a span of the text. The spans these see are what the national-id patterns match: ASCII digits, capital
// letters and the separators [ .+/-], so upper-casing and digit handling stay ASCII.
#pragma once

#include <string>

#include "text.h"

namespace fieldtune_pii {

// The span as an ASCII string (every unit above 127 as '?', which no check accepts).
std::string asciiOf(const Text& t, int start, int end);
std::string digitsOf(const std::string& v);

bool nhsValid(const std::string& v);
bool sinValid(const std::string& v);
bool tfnValid(const std::string& v);
bool medicareAuValid(const std::string& v);
bool aadhaarValid(const std::string& v);
bool dniValid(const std::string& v);
bool nirValid(const std::string& v);
bool codiceFiscaleValid(const std::string& v);
bool bsnValid(const std::string& v);
bool ppsnValid(const std::string& v);
bool beNationalValid(const std::string& v);
bool peselValid(const std::string& v);
bool steuerIdValid(const std::string& v);
bool personnummerValid(const std::string& v);
bool hetuValid(const std::string& v);
bool ahvValid(const std::string& v);
bool mod11_10Valid(const std::string& d);

// vat.ts vatValid: 'checked', 'shape' or invalid.
enum class VatResult { invalid, shape, checked };
VatResult vatValid(const std::string& v);
// nationalIds.ts sepaIbanValid: a SEPA country's exact length, and mod 97 = 1.
bool sepaIbanValid(const std::string& v);

}  // namespace fieldtune_pii
