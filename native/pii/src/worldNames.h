// Names in scripts without capitals or missing from the Latin dictionaries (after a name label in one of the set's
// languages, before a Latin transliteration in parentheses, or in a name's shape: a common Chinese, Japanese or
// Korean family name, a Russian or Ukrainian patronymic): electron/core/pii/worldNames.ts compiled ahead of time.
// Same regex sources, lines, candidate starts and conditions, same order of candidates.
#pragma once

#include "spans.h"
#include "text.h"

namespace fieldtune_pii {

void detectWorldNames(const Text& text, Spans& out);

}  // namespace fieldtune_pii
