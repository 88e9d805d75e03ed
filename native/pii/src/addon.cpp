// The Node-API face of the detectors compiled ahead of time (electron/core/pii/nativeDetectors.ts loads it).
// Plain C Node-API, no wrapper library: it needs only the headers, which Node ships, and is ABI-stable across Node
// and Electron versions, so one build serves the CLI, its worker threads and the app.
//
// resources(lists, foldKey): the word lists of resources/pii by name (resources.h), and resources.ts foldKey, as a
// handle the families that read lists take as their second argument.
// patterns(text[, handle]), nationalIds, legalNumbers, dates, worldDates, plates, ages, worldNames, ...: the candidates
// of the TypeScript detectors of those names (patterns.ts, nationalIds.ts, legal.ts, dates.ts, worldDates.ts, plates.ts,
// worldNames.ts, ...), and all(text[, handle]) every one of them in the order of familyNames, each as an Int32Array of [start, end,
// type, confidence in thousandths, source] per candidate, type and source as indices into the exported typeNames and
// sourceNames.
// names(text, handle[, seeds[, wantUnclaimed]]): names.ts detectNames, seeds a nameSeeds(keys) handle (its seedNames,
// handed over once per set), and with wantUnclaimed [spans, the unclaimed keys]; all() takes the same two after the
// handle and, with wantUnclaimed, returns those keys after the families' arrays.
// nameKeys(text, handle): namePropagation.ts keysOfNames, the name keys a piece of a long text hands the others.
// writeMaskedCopy(fd, text, base, spans, words, encoding) and writeSpanLines(fd, text, base, spans, words,
// continued): data redact's masked copy and the report's span lines (output.h), or a window of them (text the
// input's units from `base` on), written to an open file; each returns the bytes it wrote.
// decodeUtf8(bytes[, jsonView]): the text of UTF-8 bytes, or null where they are not well-formed UTF-8 (utf8Text.h);
// with jsonView, [text, jsonStringsView(text)] from one decoding.
// jsonStringsView(raw): [text, pieces, breaks, shared], pieceView.ts PieceView of a JSON file's string values
// (jsonStrings.h), pieces as an Int32Array of five per value, shared the number of its text for every thread of the
// process (sharedText.h; 0 where the text was copied into V8's heap).
// sharedText(id, start, end): a range of such a text as a string; detect(..., shared, start) reads its text there.
// largeAllocationsFromHeap(bytes): glibc's malloc serves allocations up to `bytes` from its heaps (see the function).
// regexMatchAt(source, flags, text, pos): the end of the match that the regex engine (regex.h) finds at pos, or -1;
// for the tests that compare it with V8's RegExp.
#include <node_api.h>

#if defined(__linux__) || defined(__APPLE__)
#include <dlfcn.h>
#endif
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <cstring>
#include <exception>
#include <iterator>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <vector>

#include "bigBuffers.h"
#include "dates.h"
#include "jsonStrings.h"
#include "labelled.h"
#include "legal.h"
#include "names.h"
#include "nameWords.h"
#include "nationalIds.h"
#include "output.h"
#include "patterns.h"
#include "places.h"
#include "plates.h"
#include "worldDates.h"
#include "worldPlaces.h"
#include "worldNames.h"
#include "regex.h"
#include "resolve.h"
#include "resources.h"
#include "sharedText.h"
#include "utf8Text.h"

namespace {

using namespace fieldtune_pii;

napi_value throwError(napi_env env, const char* message) {
    napi_throw_error(env, nullptr, message);
    return nullptr;
}

bool readString(napi_env env, napi_value value, std::u16string& out) {
    size_t length = 0;
    if (napi_get_value_string_utf16(env, value, nullptr, 0, &length) != napi_ok) return false;
    out.resize(length + 1);
    size_t copied = 0;
    if (napi_get_value_string_utf16(env, value, out.data(), out.size(), &copied) != napi_ok) return false;
    out.resize(copied);
    return true;
}

// A detector's input: the string's units in a buffer left uninitialised before the copy (std::u16string::resize
// zero-fills it first, which on an 8 MB text was ~1.5% of detection), in huge pages when it is large (bigBuffers.h).
struct Units {
    fieldtune_pii::BigArray<char16_t> data;
    size_t size = 0;
};

// Not a string: false. No memory for the copy: throws std::bad_alloc, as std::u16string did, for the caller's catch.
bool readUnits(napi_env env, napi_value value, Units& out) {
    size_t length = 0;
    if (napi_get_value_string_utf16(env, value, nullptr, 0, &length) != napi_ok) return false;
    out.data = fieldtune_pii::BigArray<char16_t>(length + 1);
    return napi_get_value_string_utf16(env, value, out.data.get(), length + 1, &out.size) == napi_ok;
}

napi_value toInt32Array(napi_env env, const Spans& spans) {
    const size_t fields = 5;
    void* data = nullptr;
    napi_value buffer, array;
    if (napi_create_arraybuffer(env, spans.size() * fields * sizeof(int32_t), &data, &buffer) != napi_ok) return nullptr;
    auto* out = static_cast<int32_t*>(data);
    for (const Span& s : spans) {
        *out++ = s.start;
        *out++ = s.end;
        *out++ = static_cast<int32_t>(s.type);
        *out++ = s.confidenceMilli;
        *out++ = static_cast<int32_t>(s.source);
    }
    if (napi_create_typedarray(env, napi_int32_array, spans.size() * fields, buffer, 0, &array) != napi_ok) return nullptr;
    return array;
}

// A call whose arguments are the text, optionally a resources handle, and for the name detector a seeds handle
// (nameSeeds()) and whether to return the unclaimed keys: `run` gets them as a Text, the lists (none handed over:
// noResources()) and the name options; a C++ exception becomes a JavaScript one. The sixth and seventh, where given,
// say that the text is units [start, start + its length) of the shared text of that number (sharedText.h): they are
// read there, with no copy of the string.
template <typename Run>
napi_value withText(napi_env env, napi_callback_info info, const char* usage, Run run) {
    size_t argc = 7;
    napi_value argv[7];
    Units units;
    SharedUnitsRef shared;
    const char16_t* at = nullptr;
    try {
        if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok || argc < 1) return throwError(env, usage);
        uint32_t id = 0;
        double start = 0;
        if (argc >= 7 && napi_get_value_uint32(env, argv[5], &id) == napi_ok && id != 0 && napi_get_value_double(env, argv[6], &start) == napi_ok) {
            if (napi_get_value_string_utf16(env, argv[0], nullptr, 0, &units.size) != napi_ok) return throwError(env, usage);
            shared = sharedUnits(id);
            if (!shared) return throwError(env, "the shared text is no longer held (its string was collected)");
            if (!(start >= 0 && start + static_cast<double>(units.size) <= static_cast<double>(shared->length)))
                return throwError(env, "the text is longer than the shared text holds from its start");
            at = shared->units.get() + static_cast<size_t>(start);
        } else {
            if (!readUnits(env, argv[0], units)) return throwError(env, usage);
            at = units.data.get();
        }
    } catch (const std::bad_alloc&) {
        return throwError(env, "out of memory for the text's copy");
    }
    const Resources* res = &noResources();
    napi_valuetype kind = napi_undefined;
    if (argc >= 2 && napi_typeof(env, argv[1], &kind) == napi_ok && kind != napi_undefined) {
        void* data = nullptr;
        if (kind != napi_external || napi_get_value_external(env, argv[1], &data) != napi_ok || !data)
            return throwError(env, "the second argument is a handle from resources()");
        res = static_cast<const Resources*>(data);
    }
    NameOptions names;
    if (argc >= 3 && napi_typeof(env, argv[2], &kind) == napi_ok && kind != napi_undefined) {
        void* data = nullptr;
        if (kind != napi_external || napi_get_value_external(env, argv[2], &data) != napi_ok || !data)
            return throwError(env, "the third argument is a handle from nameSeeds()");
        names.seeds = static_cast<const WordSet*>(data);
    }
    bool wantUnclaimed = false;
    if (argc >= 4 && napi_typeof(env, argv[3], &kind) == napi_ok && kind == napi_boolean) napi_get_value_bool(env, argv[3], &wantUnclaimed);
    std::vector<std::u16string> unclaimed;
    if (wantUnclaimed) names.unclaimed = &unclaimed;
    // detect()'s least confidence (detectPii's minConfidence); the families alone keep every candidate
    double minConfidence = 0;
    if (argc >= 5 && napi_typeof(env, argv[4], &kind) == napi_ok && kind == napi_number) napi_get_value_double(env, argv[4], &minConfidence);
    try {
        return run(Text{at, 0, static_cast<int>(units.size)}, *res, names, minConfidence);
    } catch (const std::exception& e) {
        return throwError(env, e.what());
    }
}

napi_value toStrings(napi_env env, const std::vector<std::u16string>& words) {
    napi_value array;
    if (napi_create_array_with_length(env, words.size(), &array) != napi_ok) return nullptr;
    for (size_t i = 0; i < words.size(); i++) {
        napi_value s;
        if (napi_create_string_utf16(env, words[i].data(), words[i].size(), &s) != napi_ok) return nullptr;
        napi_set_element(env, array, static_cast<uint32_t>(i), s);
    }
    return array;
}

using Detect = void (*)(const Text&, const Resources&, Spans&);
using DetectWithNames = void (*)(const Text&, const Resources&, Spans&, const NameOptions&);
using DetectWithWalks = void (*)(const Text&, const Resources&, Spans&, const PlaceWalks&);

// One detector family over a string from JavaScript.
template <Detect detect>
napi_value Family(napi_env env, napi_callback_info info) {
    return withText(env, info, "a detector needs a string (and a handle from resources())",
                    [env](const Text& text, const Resources& res, const NameOptions&, double) {
                        Spans spans;
                        detect(text, res, spans);
                        return toInt32Array(env, spans);
                    });
}

// names(text, handle[, seeds[, wantUnclaimed]]): the spans, or [spans, unclaimed keys] when asked for those.
napi_value Names(napi_env env, napi_callback_info info) {
    return withText(env, info, "names(text, handle[, seeds[, wantUnclaimed]])",
                    [env](const Text& text, const Resources& res, const NameOptions& names, double) -> napi_value {
                        Spans spans;
                        detectNames(text, res, spans, names);
                        napi_value array = toInt32Array(env, spans);
                        if (!names.unclaimed) return array;
                        napi_value pair, keys = toStrings(env, *names.unclaimed);
                        if (!array || !keys || napi_create_array_with_length(env, 2, &pair) != napi_ok) return throwError(env, "out of memory");
                        napi_set_element(env, pair, 0, array);
                        napi_set_element(env, pair, 1, keys);
                        return pair;
                    });
}

// nameKeys(text, handle): namePropagation.ts keysOfNames on `text` (the NAME spans' texts joined by line breaks):
// the folded key of each capitalized word, but one-letter keys, particles and ambiguous words, each once, in the
// order first found. A long file's pieces each send theirs to the others; in JavaScript this was ~5% of a 50 MB
// dataset's redaction.
napi_value NameKeys(napi_env env, napi_callback_info info) {
    return withText(env, info, "nameKeys(text, handle)", [env](const Text& text, const Resources& res, const NameOptions&, double) -> napi_value {
        WordTokens t;
        tokenizeWords(text, t);
        const WordSet& ambiguous = res.set("ambiguous");
        std::unordered_set<std::u16string> seen;
        std::vector<std::u16string> keys;
        for (int i = 0; i < t.count(); i++) {
            if (!t.cap(i)) continue;
            const std::u16string& k = wordKey(t, i, res);
            if (k.size() > 1 && !particles().has(k) && !ambiguous.has(k) && seen.insert(k).second) keys.push_back(k);
        }
        napi_value array = toStrings(env, keys);
        return array ? array : throwError(env, "out of memory");
    });
}

// nameSeeds(keys): the folded name keys of other records (namePropagation.ts nameKeys), held for detectNames's
// seedNames: handed over once per set, not per text.
napi_value NameSeeds(napi_env env, napi_callback_info info) {
    size_t argc = 1;
    napi_value argv[1];
    uint32_t n = 0;
    if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok || argc < 1 || napi_get_array_length(env, argv[0], &n) != napi_ok)
        return throwError(env, "nameSeeds(keys): an array of strings");
    auto seeds = std::make_unique<WordSet>();
    std::u16string word;
    for (uint32_t k = 0; k < n; k++) {
        napi_value v;
        if (napi_get_element(env, argv[0], k, &v) != napi_ok || !readString(env, v, word)) return throwError(env, "nameSeeds(keys): an array of strings");
        seeds->add(word);
    }
    napi_value external;
    auto finalize = [](napi_env, void* data, void*) { delete static_cast<WordSet*>(data); };
    if (napi_create_external(env, seeds.get(), finalize, nullptr, &external) != napi_ok) return throwError(env, "out of memory");
    seeds.release();
    return external;
}

// A family that reads no word lists, in the shape of those that do.
template <void (*detect)(const Text&, Spans&)>
void withoutLists(const Text& text, const Resources&, Spans& out) {
    detect(text, out);
}

// resources.ts foldKey through JavaScript, for the words that are not all ASCII. Called only during a family's call
// from the thread that made the handle (a handle is an external value of one thread's JavaScript).
std::u16string foldInJs(napi_env env, napi_ref fold, const std::u16string& word) {
    // a scope of its own: a long text folds many words in one call, and each would keep its values alive to the end
    napi_handle_scope scope;
    if (napi_open_handle_scope(env, &scope) != napi_ok) throw std::runtime_error("foldKey failed");
    napi_value fn, arg, result, global;
    std::u16string out;
    const bool ok = napi_get_reference_value(env, fold, &fn) == napi_ok && napi_get_global(env, &global) == napi_ok &&
                    napi_create_string_utf16(env, word.data(), word.size(), &arg) == napi_ok &&
                    napi_call_function(env, global, fn, 1, &arg, &result) == napi_ok && readString(env, result, out);
    napi_close_handle_scope(env, scope);
    if (!ok) throw std::runtime_error("foldKey failed");
    return out;
}

struct Held {
    std::unique_ptr<Resources> res;
    napi_env env;
    napi_ref fold = nullptr;
};

// resources(lists, foldKey): lists is an object of string arrays.
napi_value MakeResources(napi_env env, napi_callback_info info) {
    size_t argc = 2;
    napi_value argv[2], names;
    uint32_t count = 0;
    napi_valuetype foldKind = napi_undefined;
    if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok || argc < 2 ||
        napi_get_property_names(env, argv[0], &names) != napi_ok || napi_get_array_length(env, names, &count) != napi_ok ||
        napi_typeof(env, argv[1], &foldKind) != napi_ok || foldKind != napi_function)
        return throwError(env, "resources(lists, foldKey): an object of string arrays and a function");
    std::unordered_map<std::string, std::vector<std::u16string>> lists;
    for (uint32_t i = 0; i < count; i++) {
        napi_value key, array;
        char name[128];
        size_t length = 0;
        uint32_t n = 0;
        if (napi_get_element(env, names, i, &key) != napi_ok ||
            napi_get_value_string_utf8(env, key, name, sizeof name, &length) != napi_ok ||
            napi_get_property(env, argv[0], key, &array) != napi_ok || napi_get_array_length(env, array, &n) != napi_ok)
            return throwError(env, "resources(): each list is an array of strings");
        std::vector<std::u16string>& words = lists[name];
        words.resize(n);
        for (uint32_t k = 0; k < n; k++) {
            napi_value word;
            if (napi_get_element(env, array, k, &word) != napi_ok || !readString(env, word, words[k]))
                return throwError(env, "resources(): each list is an array of strings");
        }
    }
    auto held = std::make_unique<Held>();
    held->env = env;
    napi_create_reference(env, argv[1], 1, &held->fold);
    Held* h = held.get();
    held->res = std::make_unique<Resources>(std::move(lists), [h](const std::u16string& word) { return foldInJs(h->env, h->fold, word); });
    napi_value external;
    auto finalize = [](napi_env env, void*, void* hint) {
        auto* h = static_cast<Held*>(hint);
        napi_delete_reference(env, h->fold);
        delete h;
    };
    // the external's data is the Resources (what withText reads); the hint owns both
    if (napi_create_external(env, h->res.get(), finalize, h, &external) != napi_ok) return throwError(env, "out of memory");
    held.release();
    return external;
}

napi_value RegexMatchAt(napi_env env, napi_callback_info info) {
    size_t argc = 4;
    napi_value argv[4];
    std::u16string source, units;
    char flags[8] = {0};
    size_t flagsLength = 0;
    int32_t pos = 0;
    if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok || argc < 4 || !readString(env, argv[0], source) ||
        napi_get_value_string_utf8(env, argv[1], flags, sizeof flags, &flagsLength) != napi_ok || !readString(env, argv[2], units) ||
        napi_get_value_int32(env, argv[3], &pos) != napi_ok)
        return throwError(env, "regexMatchAt(source, flags, text, pos)");
    try {
        // the tests ask for one pattern at many positions: keep the last one compiled (per thread: a worker has its own)
        thread_local std::u16string lastSource;
        thread_local std::string lastFlags;
        thread_local std::unique_ptr<Regex> last;
        if (!last || lastSource != source || lastFlags != flags) {
            last.reset();
            last = std::make_unique<Regex>(source, flags);
            lastSource = source;
            lastFlags = flags;
        }
        napi_value result;
        napi_create_int32(env, last->matchAt(Text{units.data(), 0, static_cast<int>(units.size())}, pos), &result);
        return result;
    } catch (const std::exception& e) {
        return throwError(env, e.what());
    }
}

napi_value names(napi_env env, const char* const* list, size_t count) {
    napi_value array;
    napi_create_array_with_length(env, count, &array);
    for (size_t i = 0; i < count; i++) {
        napi_value s;
        napi_create_string_utf8(env, list[i], NAPI_AUTO_LENGTH, &s);
        napi_set_element(env, array, static_cast<uint32_t>(i), s);
    }
    return array;
}

// The families in the order electron/core/pii/detect.ts keeps their candidates.
struct FamilyEntry {
    const char* name;
    Detect detect;
    napi_callback call;
    // the name detector, which takes the seeds and unclaimed keys too
    DetectWithNames withNames = nullptr;
    // the place families, which share the walks they take over the text
    DetectWithWalks withWalks = nullptr;
};
#define PLAIN_FAMILY(name, fn) {name, withoutLists<fn>, Family<withoutLists<fn>>}
#define LISTS_FAMILY(name, fn) {name, fn, Family<fn>}
#define PLACE_FAMILY(name, fn) {name, fn, Family<fn>, nullptr, fn}
const FamilyEntry FAMILIES[] = {
    PLAIN_FAMILY("patterns", detectPatterns),
    PLAIN_FAMILY("nationalIds", detectNationalIds),
    LISTS_FAMILY("labelled", detectLabelled),
    PLAIN_FAMILY("legalNumbers", detectLegalNumbers),
    PLAIN_FAMILY("dates", detectDates),
    PLAIN_FAMILY("worldDates", detectWorldDates),
    PLAIN_FAMILY("plates", detectPlates),
    PLAIN_FAMILY("ages", detectAges),
    PLACE_FAMILY("places", detectPlaces),
    PLACE_FAMILY("worldPlaces", detectWorldPlaces),
    {"names", detectNamesAlone, Names, detectNames},
    PLAIN_FAMILY("worldNames", detectWorldNames),
};
#undef PLAIN_FAMILY
#undef LISTS_FAMILY
#undef PLACE_FAMILY

// Every family over one text in FAMILIES order, `each(index, spans)` after each one: the name detector with the
// seeds and unclaimed keys, the place families with one PlaceWalks between them.
template <typename Each>
void eachFamily(const Text& text, const Resources& res, const NameOptions& names, Each each) {
    std::optional<PlaceWalks> walks;
    Spans spans;
    for (size_t i = 0; i < std::size(FAMILIES); i++) {
        const FamilyEntry& family = FAMILIES[i];
        spans.clear();
        if (family.withNames) {
            family.withNames(text, res, spans, names);
        } else if (family.withWalks) {
            if (!walks) walks.emplace(text);
            family.withWalks(text, res, spans, *walks);
        } else {
            family.detect(text, res, spans);
        }
        each(i, spans);
    }
}

// all(text[, handle[, seeds[, wantUnclaimed]]]): every family's candidates, one Int32Array each in FAMILIES order,
// then the name detector's unclaimed keys when asked for: the text is copied out of JavaScript once for all of them.
napi_value All(napi_env env, napi_callback_info info) {
    return withText(env, info, "all(text[, handle[, seeds[, wantUnclaimed]]]) needs a string",
                    [env](const Text& text, const Resources& res, const NameOptions& names, double) -> napi_value {
                        napi_value out;
                        const size_t count = std::size(FAMILIES);
                        napi_create_array_with_length(env, count + (names.unclaimed ? 1 : 0), &out);
                        bool failed = false;
                        eachFamily(text, res, names, [&](size_t i, const Spans& spans) {
                            napi_value array = toInt32Array(env, spans);
                            failed |= !array;
                            if (array) napi_set_element(env, out, static_cast<uint32_t>(i), array);
                        });
                        if (failed) return throwError(env, "out of memory");
                        if (names.unclaimed) {
                            napi_value keys = toStrings(env, *names.unclaimed);
                            if (!keys) return throwError(env, "out of memory");
                            napi_set_element(env, out, static_cast<uint32_t>(count), keys);
                        }
                        return out;
                    });
}

// detect(text, handle, seeds, wantUnclaimed, minConfidence[, shared, start]): detectPii's candidates from every family in FAMILIES
// order (those at minConfidence or above, as detect.ts keep() takes them), resolved (resolve.h): only the spans kept
// cross into JavaScript, then the unclaimed keys when asked for.
napi_value DetectResolved(napi_env env, napi_callback_info info) {
    return withText(env, info, "detect(text, handle[, seeds[, wantUnclaimed[, minConfidence[, shared, start]]]]) needs a string",
                    [env](const Text& text, const Resources& res, const NameOptions& names, double minConfidence) -> napi_value {
                        // Room for what the speed bench's text gives (~1 candidate per 25 units) from the start: grown
                        // by doubling, each larger copy was fresh memory again. Pages not written are never mapped.
                        Spans candidates;
                        candidates.reserve(static_cast<size_t>(text.hi - text.lo) / 16);
                        eachFamily(text, res, names, [&](size_t, const Spans& spans) {
                            for (const Span& s : spans)
                                if (s.confidenceMilli / 1000.0 >= minConfidence) candidates.push_back(s);
                        });
                        napi_value kept = toInt32Array(env, resolveOverlaps(std::move(candidates)));
                        if (!kept) return throwError(env, "out of memory");
                        if (!names.unclaimed) return kept;
                        napi_value out, keys = toStrings(env, *names.unclaimed);
                        if (!keys) return throwError(env, "out of memory");
                        napi_create_array_with_length(env, 2, &out);
                        napi_set_element(env, out, 0, kept);
                        napi_set_element(env, out, 1, keys);
                        return out;
                    });
}

// Text the add-on made (a decoded file, a JSON strings view: tens of MB) handed to JavaScript without a copy where
// Node-API can: an external string over the add-on's own buffer, freed when V8 collects the string. A copy into V8's
// heap costs a page fault per 4 KB of fresh heap (~10 us each on the virtual machines measured; bench/pii-RESULTS.md
// speed round 14); the buffer is in huge pages (bigBuffers.h). node_api_create_external_string_utf16 is Node-API 10
// (Node 22.14, Electron 35), experimental before (Node 20 exports it all the same); built against version 9's headers,
// the add-on looks it up by name when first needed and copies where it is missing or declines.
using CreateExternalUtf16 = napi_status (*)(napi_env, char16_t*, size_t, napi_finalize, void*, napi_value*, bool*);

CreateExternalUtf16 externalStringMaker() {
#if defined(__linux__) || defined(__APPLE__)
    static const CreateExternalUtf16 maker =
        reinterpret_cast<CreateExternalUtf16>(dlsym(RTLD_DEFAULT, "node_api_create_external_string_utf16"));
    return maker;
#else
    return nullptr;
#endif
}

// `length` units at `units` as a string that keeps `keep` alive until V8 collects it (then deletes it), or a copy of
// them where Node-API makes no external string (`keep` deleted at once); `external` says which. Null when out of
// memory.
template <typename Keep>
napi_value stringKeeping(napi_env env, const char16_t* units, size_t length, Keep* keep, bool* external = nullptr) {
    napi_value out = nullptr;
    if (external) *external = false;
    if (CreateExternalUtf16 make = externalStringMaker(); make && length > 0) {
        const napi_finalize release = [](napi_env, void*, void* hint) { delete static_cast<Keep*>(hint); };
        bool copied = false;
        // On success the string owns `keep` (copied: already released); on failure it is ours to free.
        if (make(env, const_cast<char16_t*>(units), length, release, keep, &out, &copied) == napi_ok) {
            if (external) *external = !copied;
            return out;
        }
    }
    const bool made = napi_create_string_utf16(env, units, length, &out) == napi_ok;
    delete keep;
    return made ? out : nullptr;
}

// The first `length` units of `units` as a string; `units` is emptied (the string owns it, or it was copied).
napi_value unitsToString(napi_env env, BigArray<char16_t>& units, size_t length) {
    auto* owned = new BigArray<char16_t>(std::move(units));
    return stringKeeping(env, owned->get(), length, owned);
}

// unitsToString of a text other threads may read (sharedText.h): its number in `id` while the string holds it, 0
// where the string is a copy.
napi_value sharedUnitsToString(napi_env env, BigArray<char16_t>& units, size_t length, uint32_t& id) {
    auto [number, text] = shareUnits(std::move(units), length);
    bool external = false;
    napi_value out = stringKeeping(env, text->units.get(), length, new SharedUnitsRef(text), &external);
    id = external ? number : 0;
    return out;
}

napi_value int32Array(napi_env env, const std::vector<int32_t>& values) {
    void* data = nullptr;
    napi_value buffer, array;
    if (napi_create_arraybuffer(env, values.size() * sizeof(int32_t), &data, &buffer) != napi_ok) return nullptr;
    if (!values.empty()) std::memcpy(data, values.data(), values.size() * sizeof(int32_t));
    if (napi_create_typedarray(env, napi_int32_array, values.size(), buffer, 0, &array) != napi_ok) return nullptr;
    return array;
}

// The array [text, pieces, breaks, shared] of a JSON strings view (jsonStrings.h), `shared` the text's number for
// sharedText and detect (0: none); null when out of memory.
napi_value viewArray(napi_env env, JsonStringsView& view) {
    uint32_t id = 0;
    napi_value out, shared, text = sharedUnitsToString(env, view.text, view.length, id), pieces = int32Array(env, view.pieces),
                            breaks = int32Array(env, view.breaks);
    if (!text || !pieces || !breaks || napi_create_uint32(env, id, &shared) != napi_ok) return nullptr;
    napi_create_array_with_length(env, 4, &out);
    napi_set_element(env, out, 0, text);
    napi_set_element(env, out, 1, pieces);
    napi_set_element(env, out, 2, breaks);
    napi_set_element(env, out, 3, shared);
    return out;
}

// sharedText(id, start, end): units [start, end) of a text the add-on shares (sharedText.h) as a string, without a
// copy where Node-API can; throws where no string holds that text any more.
napi_value SharedText(napi_env env, napi_callback_info info) {
    size_t argc = 3;
    napi_value argv[3];
    uint32_t id = 0;
    double start = 0, end = 0;
    if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok || argc < 3 || napi_get_value_uint32(env, argv[0], &id) != napi_ok ||
        napi_get_value_double(env, argv[1], &start) != napi_ok || napi_get_value_double(env, argv[2], &end) != napi_ok)
        return throwError(env, "sharedText(id, start, end)");
    try {
        SharedUnitsRef text = sharedUnits(id);
        if (!text) return throwError(env, "sharedText: that text is no longer held (its string was collected)");
        if (!(start >= 0 && start <= end && end <= static_cast<double>(text->length)))
            return throwError(env, "sharedText: the range is outside the text");
        const size_t from = static_cast<size_t>(start);
        napi_value out = stringKeeping(env, text->units.get() + from, static_cast<size_t>(end) - from, new SharedUnitsRef(text));
        return out ? out : throwError(env, "out of memory for the shared text's copy");
    } catch (const std::bad_alloc&) {
        return throwError(env, "out of memory");
    }
}

// decodeUtf8(bytes[, jsonView]): the bytes (a Uint8Array) as text, or null where they are not well-formed UTF-8; with
// jsonView [text, the JSON strings view of it as jsonStringsView returns it], made from the decoded units before they
// become a string (data redact's JSON path: the view's own copy of a 50 MB file's text was 100 MB of fresh memory,
// ~0.2 CPU s on these machines).
napi_value DecodeUtf8(napi_env env, napi_callback_info info) {
    size_t argc = 2;
    napi_value argv[2];
    napi_typedarray_type kind;
    size_t n = 0;
    void* bytes = nullptr;
    bool jsonView = false;
    if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok || argc < 1 ||
        napi_get_typedarray_info(env, argv[0], &kind, &n, &bytes, nullptr, nullptr) != napi_ok || kind != napi_uint8_array ||
        (argc >= 2 && napi_get_value_bool(env, argv[1], &jsonView) != napi_ok))
        return throwError(env, "decodeUtf8(bytes: Uint8Array[, jsonView: boolean])");
    try {
        BigArray<char16_t> units(n + 1);
        const size_t length = decodeUtf8(static_cast<const unsigned char*>(bytes), n, units.get());
        napi_value out;
        if (length == NOT_UTF8) {
            napi_get_null(env, &out);
            return out;
        }
        std::optional<JsonStringsView> view;
        if (jsonView) view.emplace(jsonStringsView(std::u16string_view(units.get(), length)));
        napi_value text = unitsToString(env, units, length);
        if (!text) return throwError(env, "out of memory for the decoded text");
        if (!view) return text;
        napi_value views = viewArray(env, *view);
        if (!views) return throwError(env, "out of memory for the JSON strings view");
        napi_create_array_with_length(env, 2, &out);
        napi_set_element(env, out, 0, text);
        napi_set_element(env, out, 1, views);
        return out;
    } catch (const std::exception& e) {
        return throwError(env, e.what());
    }
}

// jsonStringsView(raw): [text, pieces, breaks] (jsonStrings.h).
napi_value JsonView(napi_env env, napi_callback_info info) {
    size_t argc = 1;
    napi_value argv[1];
    Units raw;
    try {
        if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok || argc < 1 || !readUnits(env, argv[0], raw))
            return throwError(env, "jsonStringsView(raw: string)");
        JsonStringsView view = jsonStringsView(std::u16string_view(raw.data.get(), raw.size));
        raw = Units();
        napi_value out = viewArray(env, view);
        return out ? out : throwError(env, "out of memory for the JSON strings view");
    } catch (const std::exception& e) {
        return throwError(env, e.what());
    }
}

// largeAllocationsFromHeap(bytes): glibc's malloc serves allocations up to `bytes` from its heaps instead of mapping
// each on its own; true where that was set (glibc only). data redact calls it before it reads a large file. By default
// glibc maps every allocation over 32 MB, and those under it until it has seen one of their size freed, on its own
// and unmaps it when freed: the buffers of a 50 MB dataset (typed arrays of a million spans, a worker thread's copy
// of its piece) were fresh memory each time, a page fault per 4 KB, and each unmapping interrupted the other core to
// flush its address cache while a worker thread ran there. Served from the heap they reuse freed memory: ~0.3-0.5 CPU
// s less on the speed bench's dataset (bench/pii-RESULTS.md, speed round 14). The heap keeps what it does not give
// back at its top, which a command that ends when its file is written can afford; the app's long-lived process does
// not call this.
napi_value LargeAllocationsFromHeap(napi_env env, napi_callback_info info) {
    size_t argc = 1;
    napi_value argv[1];
    double bytes = 0;
    if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok || argc < 1 || napi_get_value_double(env, argv[0], &bytes) != napi_ok ||
        !(bytes >= 0 && bytes <= 2147483647.0))
        return throwError(env, "largeAllocationsFromHeap(bytes: 0..2^31-1)");
    bool set = false;
#if defined(__GLIBC__)
    set = mallopt(M_MMAP_THRESHOLD, static_cast<int>(bytes)) == 1;
#endif
    napi_value out;
    napi_get_boolean(env, set, &out);
    return out;
}

// The arguments both writers take: a file descriptor, the text (or a window of it, starting at the input's `base`th
// unit), `base`, the spans as an Int32Array of `fields` per span, and the words the spans' fields point to.
struct OutputArgs {
    int fd = -1;
    std::u16string_view text;  // in this thread's buffer, or in `own` when it is longer than that keeps (readWriterText)
    std::u16string own;
    int32_t base = 0;
    const int32_t* spans = nullptr;
    size_t count = 0;
    std::vector<std::u16string> words;
    napi_value rest[1] = {};
};

// The writers' copy of their text: one buffer per thread, kept between calls, for texts up to 4 M units. data redact
// hands over its files in windows of a million characters (nativeOutput.ts), and a fresh string per window was
// zero-filled before the copy (std::u16string::resize): a seventh of the writers' time on a 50 MB dataset. A longer
// text gets a string of its own, freed after the call.
bool readWriterText(napi_env env, napi_value value, OutputArgs& a) {
    thread_local std::u16string kept;
    size_t length = 0;
    if (napi_get_value_string_utf16(env, value, nullptr, 0, &length) != napi_ok) return false;
    std::u16string& units = length < (size_t{1} << 22) ? kept : a.own;
    if (units.size() < length + 1) units.resize(length + 1);
    size_t copied = 0;
    if (napi_get_value_string_utf16(env, value, units.data(), length + 1, &copied) != napi_ok) return false;
    a.text = std::u16string_view(units.data(), copied);
    return true;
}

bool readOutputArgs(napi_env env, napi_callback_info info, size_t fields, size_t extra, OutputArgs& a) {
    size_t argc = 6;
    napi_value argv[6];
    if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok || argc < 5 + extra) return false;
    int32_t fd = -1;
    napi_typedarray_type kind;
    size_t length = 0;
    void* data = nullptr;
    uint32_t n = 0;
    if (napi_get_value_int32(env, argv[0], &fd) != napi_ok || fd < 0 || !readWriterText(env, argv[1], a) ||
        napi_get_value_int32(env, argv[2], &a.base) != napi_ok || a.base < 0 ||
        napi_get_typedarray_info(env, argv[3], &kind, &length, &data, nullptr, nullptr) != napi_ok ||
        kind != napi_int32_array || length % fields != 0 || napi_get_array_length(env, argv[4], &n) != napi_ok)
        return false;
    a.fd = fd;
    a.spans = static_cast<const int32_t*>(data);
    a.count = length / fields;
    a.words.resize(n);
    for (uint32_t k = 0; k < n; k++) {
        napi_value v;
        if (napi_get_element(env, argv[4], k, &v) != napi_ok || !readString(env, v, a.words[k])) return false;
    }
    if (extra) a.rest[0] = argv[5];
    return true;
}

template <typename Write>
napi_value writeOutput(napi_env env, OutputArgs& a, Write write) {
    try {
        FileBytes out(a.fd);
        write(out);
        napi_value written;
        napi_create_double(env, static_cast<double>(out.flush()), &written);
        return written;
    } catch (const std::exception& e) {
        return throwError(env, e.what());
    }
}

napi_value WriteMaskedCopy(napi_env env, napi_callback_info info) {
    OutputArgs a;
    std::u16string encoding;
    if (!readOutputArgs(env, info, 3, 1, a) || !readString(env, a.rest[0], encoding))
        return throwError(env, "writeMaskedCopy(fd, text, base, spans: Int32Array of [start, end, word], words, encoding)");
    TextEncoding e = TextEncoding::utf8;
    if (encoding == u"utf16le") e = TextEncoding::utf16le;
    else if (encoding == u"utf16be") e = TextEncoding::utf16be;
    else if (encoding != u"utf8") return throwError(env, "writeMaskedCopy: encoding is utf8, utf16le or utf16be");
    return writeOutput(env, a, [&](FileBytes& out) { writeMaskedCopy(out, a.text, a.base, a.spans, a.count, a.words, e); });
}

napi_value WriteSpanLines(napi_env env, napi_callback_info info) {
    OutputArgs a;
    bool continued = false;
    if (!readOutputArgs(env, info, 5, 1, a) || napi_get_value_bool(env, a.rest[0], &continued) != napi_ok)
        return throwError(env, "writeSpanLines(fd, text, base, spans: Int32Array of [start, end, type, confidence, source], words, continued)");
    return writeOutput(env, a, [&](FileBytes& out) { writeSpanLines(out, a.text, a.base, a.spans, a.count, a.words, continued); });
}

// Sets exports[name] to a function calling `call`.
void exportFunction(napi_env env, napi_value exports, const char* name, napi_callback call) {
    napi_value fn;
    napi_create_function(env, name, NAPI_AUTO_LENGTH, call, nullptr, &fn);
    napi_set_named_property(env, exports, name, fn);
}

}  // namespace

NAPI_MODULE_INIT() {
    std::vector<const char*> familyNames;
    for (const FamilyEntry& f : FAMILIES) {
        exportFunction(env, exports, f.name, f.call);
        familyNames.push_back(f.name);
    }
    napi_set_named_property(env, exports, "familyNames", names(env, familyNames.data(), familyNames.size()));
    static const struct {
        const char* name;
        napi_callback call;
    } CALLS[] = {{"detect", DetectResolved},
                 {"all", All},
                 {"resources", MakeResources},
                 {"nameKeys", NameKeys},
                 {"nameSeeds", NameSeeds},
                 {"writeMaskedCopy", WriteMaskedCopy},
                 {"writeSpanLines", WriteSpanLines},
                 {"decodeUtf8", DecodeUtf8},
                 {"jsonStringsView", JsonView},
                 {"sharedText", SharedText},
                 {"largeAllocationsFromHeap", LargeAllocationsFromHeap},
                 {"regexMatchAt", RegexMatchAt}};
    for (const auto& c : CALLS) exportFunction(env, exports, c.name, c.call);
    napi_set_named_property(env, exports, "typeNames", names(env, SPAN_TYPE_NAMES, static_cast<size_t>(SpanType::COUNT)));
    napi_set_named_property(env, exports, "sourceNames",
                            names(env, SPAN_SOURCE_NAMES, static_cast<size_t>(SpanSource::COUNT)));
    return exports;
}
