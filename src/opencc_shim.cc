/* opencc_shim.cc - an OpenCC converter over darts dictionaries, wrapped for
 * C (see opencc_shim.h). It must not let an exception reach C. */
#include "opencc_shim.h"

#include <list>
#include <memory>
#include <new>
#include <string>

#include <opencc/Config.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/DartsDict.hpp>
#include <opencc/DictEntry.hpp>
#include <opencc/DictGroup.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/MaxMatchSegmentation.hpp>
#include <opencc/TextDict.hpp>

struct px_opencc {
    opencc::ConverterPtr conv;
    std::string out;
};

/* The same dictionary as a DartsDict; a group stays a group of the same
 * dictionaries in the same order. DartsDict::NewFromDict expects its
 * source's lexicon sorted by key, which a MarisaDict's is not (it lists
 * keys in trie order, and a darts trie built from that misses entries), so
 * the entries go through a sorted TextDict first. */
static opencc::DictPtr
to_darts(const opencc::DictPtr &d)
{
    auto group = std::dynamic_pointer_cast<opencc::DictGroup>(d);
    if (group) {
        std::list<opencc::DictPtr> dicts;
        for (const auto &sub : group->GetDicts()) {
            dicts.push_back(to_darts(sub));
        }
        return std::make_shared<opencc::DictGroup>(dicts);
    }
    auto lexicon = std::make_shared<opencc::Lexicon>();
    for (const auto &entry : *d->GetLexicon()) {
        lexicon->Add(opencc::DictEntryFactory::New(entry.get()));
    }
    lexicon->Sort();
    const opencc::TextDict sorted(lexicon);
    return opencc::DartsDict::NewFromDict(sorted);
}

/* conv with its segmentation's and conversions' dictionaries in darts
 * form; conv itself when its segmentation is not maximal matching. */
static opencc::ConverterPtr
fast_converter(const opencc::ConverterPtr &conv)
{
    auto seg = std::dynamic_pointer_cast<opencc::MaxMatchSegmentation>(
        conv->GetSegmentation());
    if (!seg) {
        return conv;
    }
    auto fast_seg = std::make_shared<opencc::MaxMatchSegmentation>(
        to_darts(seg->GetDict()));
    std::list<opencc::ConversionPtr> chain;
    for (const auto &c : conv->GetConversionChain()->GetConversions()) {
        chain.push_back(
            std::make_shared<opencc::Conversion>(to_darts(c->GetDict())));
    }
    return std::make_shared<opencc::Converter>(
        "darts", fast_seg, std::make_shared<opencc::ConversionChain>(chain));
}

extern "C" px_opencc *
px_opencc_open(const char *config, int fast)
{
    try {
        opencc::Config cfg;
        opencc::ConverterPtr conv = cfg.NewFromFile(config);
        std::unique_ptr<px_opencc> cc(new px_opencc);
        cc->conv = fast ? fast_converter(conv) : conv;
        return cc.release();
    } catch (...) {
        return nullptr;
    }
}

extern "C" const char *
px_opencc_convert(px_opencc *cc, const char *s, size_t len, size_t *out_len)
{
    try {
        cc->out = cc->conv->Convert(std::string(s, len));
        *out_len = cc->out.size();
        return cc->out.c_str();
    } catch (...) {
        *out_len = 0;
        return nullptr;
    }
}

extern "C" void
px_opencc_close(px_opencc *cc)
{
    delete cc;
}
