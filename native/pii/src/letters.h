// span.ts isLetterUnit: whether one UTF-16 unit is a letter (\p{L}) by itself. A surrogate half never is.
#pragma once

namespace fieldtune_pii {

bool isLetterUnit(int unit);

}  // namespace fieldtune_pii
