// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <string>
#include <vector>

namespace cs {

/// Canonical ids of the metrics the first user's evaluations produce.
namespace metric {
inline const std::string Real1 = "Real@1";       ///< masked entity mention, top-1 hit
inline const std::string Real5 = "Real@5";       ///< masked entity mention, top-5 hit
inline const std::string Lambada1 = "LAMBADA@1"; ///< last word of a passage, top-1 hit
inline const std::string Score = "score";        ///< the composite score ClozeScope computes
} // namespace metric

/// Maps the many spellings of a metric name to one canonical id; editable by the user.
class MetricAliases
{
  public:
    /// The built-in table (Real@1, Real@5, LAMBADA@1 spellings).
    MetricAliases();

    /// Canonical id for a key as written in a file; the key itself when no alias matches.
    std::string canonical(const std::string &key) const;
    /// Adds or replaces an alias (case-insensitive).
    void add(const std::string &alias, const std::string &canonicalId);
    /// Marks a metric as lower-is-better (or not).
    void setLowerIsBetter(const std::string &canonicalId, bool lower);
    /// True when lower values are better (losses, perplexities, error rates).
    bool lowerIsBetter(const std::string &canonicalId) const;
    /// All aliases, lower-cased alias -> id.
    const std::map<std::string, std::string> &table() const { return m_aliases; }
    /// Metrics whose direction was set by hand, id -> lower is better.
    const std::map<std::string, bool> &lowerOverrides() const { return m_lowerOverride; }

    /// Display order: Real@1, Real@5, LAMBADA@1 first, then the rest by name.
    static std::vector<std::string> ordered(const std::vector<std::string> &ids);

  private:
    std::map<std::string, std::string> m_aliases;
    std::map<std::string, bool> m_lowerOverride;
};

/// The process-wide alias table used by importers.
MetricAliases &defaultAliases();

/// The user's alias file (read and written by formats/aliases_format.h):
/// $XDG_CONFIG_HOME/clozescope/aliases.json, else
/// ~/.config/clozescope/aliases.json ("" when neither variable is set).
std::string userAliasesPath();

} // namespace cs
