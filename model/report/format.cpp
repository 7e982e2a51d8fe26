// SPDX-License-Identifier: MIT
#include "report/format.h"

#include <cmath>
#include <cstdio>

namespace cs::fmt {
namespace {

std::string printf1(const char *f, double v)
{
    char buf[512]; // %.4f of a diverged perplexity (1e300) needs ~310 characters
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

} // namespace

/// Rounds half up at 4 decimals: count/n fractions such as 1539/2400 = 0.64125 show as
/// 0.6413, as a person rounding by hand writes them (printf would give 0.6412).
double shown(double v)
{
    return std::floor(v * 1e4 + 0.5 + 1e-7) / 1e4;
}

std::string value(double v)
{
    return printf1("%.4f", shown(v));
}

std::string epoch(std::optional<double> e)
{
    if (!e) return "";
    std::string s = printf1("%.3f", *e);
    while (s.size() > 1 && s.back() == '0' && s[s.size() - 2] != '.')
        s.pop_back();
    return s;
}

std::string pValue(std::optional<double> p)
{
    if (!p) return "n/a";
    if (*p < 0.001) return "< 0.001";
    if (*p < 0.01) return printf1("%.3f", *p);
    return printf1("%.2f", *p);
}

std::string pClause(std::optional<double> p)
{
    const std::string v = pValue(p);
    return v[0] == '<' ? "p " + v : "p = " + v;
}

std::string points(double proportion)
{
    return printf1("%.1f", std::fabs(proportion) * 100.0);
}

std::string change(double v, bool points)
{
    const double r = points ? std::round(v * 100.0) / 100.0 : v;
    return printf1(points ? "%+.2f" : "%+.4f", r == 0 ? 0.0 : r);
}

std::string difference(double from, double to, bool points)
{
    const double shownFrom = shown(from), shownTo = shown(to);
    return change(points ? (shownTo - shownFrom) * 100.0 : shownTo - shownFrom, points);
}

std::string interval(const stats::Interval &i)
{
    return "[" + printf1("%.3f", i.low) + ", " + printf1("%.3f", i.high) + "]";
}

std::string number(double v)
{
    return printf1("%g", v);
}

} // namespace cs::fmt
