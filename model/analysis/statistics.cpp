// SPDX-License-Identifier: MIT
#include "analysis/statistics.h"

#include <algorithm>
#include <cmath>

namespace cs::stats {

double normalCdf(double z)
{
    return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

double normalQuantile(double p)
{
    // Acklam's rational approximation, refined with one Halley step.
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                               -2.759285104469687e+02, 1.383577518672690e+02,
                               -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                               -1.556989798598866e+02, 6.680131188771972e+01,
                               -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                               -2.400758277161838e+00, -2.549732539343734e+00,
                               4.374664141464968e+00,  2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    p = std::clamp(p, 1e-300, 1.0 - 1e-16);
    double x;
    if (p < 0.02425) {
        const double q = std::sqrt(-2 * std::log(p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p > 1 - 0.02425) {
        const double q = std::sqrt(-2 * std::log(1 - p));
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else {
        const double q = p - 0.5, r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
    const double e = normalCdf(x) - p;
    const double u = e * std::sqrt(2 * M_PI) * std::exp(x * x / 2);
    return x - u / (1 + x * u / 2);
}

Interval wilson(double p, std::int64_t n, double confidence)
{
    if (n <= 0) return {0.0, 1.0};
    const double z = normalQuantile(0.5 + confidence / 2.0);
    const double nn = static_cast<double>(n), z2 = z * z;
    const double denom = 1 + z2 / nn;
    const double centre = (p + z2 / (2 * nn)) / denom;
    const double half = z * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / denom;
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

double mcnemarExact(std::int64_t b, std::int64_t c)
{
    const std::int64_t n = b + c;
    if (n == 0) return 1.0;
    const std::int64_t k = std::min(b, c);
    // Sum of binomial(n, i) / 2^n for i <= k, in log space for large n.
    double sum = 0.0;
    for (std::int64_t i = 0; i <= k; ++i) {
        const double logTerm = std::lgamma(n + 1.0) - std::lgamma(i + 1.0) -
                               std::lgamma(n - i + 1.0) - n * std::log(2.0);
        sum += std::exp(logTerm);
    }
    return std::min(1.0, 2.0 * sum);
}

double twoProportionZ(double p1, std::int64_t n1, double p2, std::int64_t n2)
{
    if (n1 <= 0 || n2 <= 0) return 1.0;
    const double x1 = p1 * n1, x2 = p2 * n2;
    const double pooled = (x1 + x2) / static_cast<double>(n1 + n2);
    const double se = std::sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
    if (se <= 0) return p1 == p2 ? 1.0 : 0.0;
    const double z = std::fabs(p1 - p2) / se;
    return 2.0 * (1.0 - normalCdf(z));
}

std::int64_t countOf(double p, std::int64_t n)
{
    return static_cast<std::int64_t>(std::llround(p * static_cast<double>(n)));
}

} // namespace cs::stats

namespace cs::stats {

std::vector<double> holm(const std::vector<double> &p)
{
    std::vector<std::size_t> order(p.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return p[a] < p[b]; });
    std::vector<double> adjusted(p.size());
    double running = 0.0; // adjusted p-values never decrease along the sorted order
    for (std::size_t k = 0; k < order.size(); ++k) {
        running = std::max(running, std::min(1.0, double(order.size() - k) * p[order[k]]));
        adjusted[order[k]] = running;
    }
    return adjusted;
}

double twoProportionPower(double p1, double p2, std::int64_t n, double alpha)
{
    if (n <= 0) return 0.0;
    const double nn = double(n), za = normalQuantile(1.0 - alpha / 2.0);
    const double pooled = (p1 + p2) / 2.0;
    const double se0 = std::sqrt(2.0 * pooled * (1.0 - pooled) / nn);
    const double se1 = std::sqrt((p1 * (1.0 - p1) + p2 * (1.0 - p2)) / nn);
    const double d = std::fabs(p1 - p2);
    if (se1 <= 0.0) return d > za * se0 ? 1.0 : 0.0;
    return normalCdf((d - za * se0) / se1) + normalCdf((-d - za * se0) / se1);
}

namespace {

/// The smallest x in (0, high] with reaches(x), by bisection; reaches must be monotone.
template <typename F> std::optional<double> smallestReaching(double high, F reaches)
{
    if (high <= 0.0 || !reaches(high)) return std::nullopt;
    double lo = 0.0, hi = high;
    for (int i = 0; i < 60; ++i) {
        const double mid = (lo + hi) / 2.0;
        (reaches(mid) ? hi : lo) = mid;
    }
    return hi;
}

} // namespace

std::optional<double> detectableDeclineUnpaired(double p, std::int64_t n, double alpha,
                                                double power)
{
    if (n <= 0) return std::nullopt;
    return smallestReaching(
        p, [&](double d) { return twoProportionPower(p, p - d, n, alpha) >= power; });
}

std::optional<double> detectableDeclinePaired(double psi, std::int64_t n, double alpha,
                                              double power)
{
    if (n <= 0 || psi <= 0.0) return std::nullopt;
    const double za = normalQuantile(1.0 - alpha / 2.0), zb = normalQuantile(power);
    // Connor (1987): n = (za·√ψ + zb·√(ψ − δ²))² / δ², solved for δ.
    return smallestReaching(psi, [&](double d) {
        const double need = za * std::sqrt(psi) + zb * std::sqrt(std::max(0.0, psi - d * d));
        return need * need / (d * d) <= double(n);
    });
}

double detectableShift(double se, double alpha, double power)
{
    return (normalQuantile(1.0 - alpha / 2.0) + normalQuantile(power)) * se;
}

std::int64_t ItemValues::items() const
{
    std::int64_t n = 0;
    for (auto c : count)
        n += c;
    return n;
}

double ItemValues::mean() const
{
    double sum = 0.0;
    for (std::size_t i = 0; i < value.size(); ++i)
        sum += value[i] * double(count[i]);
    const auto n = items();
    return n > 0 ? sum / double(n) : 0.0;
}

double bootstrapReplicate(const std::vector<ItemValues> &groups, std::mt19937_64 &rng)
{
    double total = 0.0;
    for (const ItemValues &g : groups) {
        const std::int64_t n = g.items();
        if (n <= 0) continue;
        // A multinomial draw as a chain of binomials: each value takes its share of the rest.
        std::int64_t left = n, weightLeft = n;
        double sum = 0.0;
        for (std::size_t i = 0; i < g.value.size() && left > 0; ++i) {
            std::int64_t k = left;
            if (i + 1 < g.value.size() && g.count[i] < weightLeft) {
                std::binomial_distribution<std::int64_t> draw(left, double(g.count[i]) /
                                                                        double(weightLeft));
                k = draw(rng);
            }
            sum += g.value[i] * double(k);
            left -= k;
            weightLeft -= g.count[i];
        }
        total += sum / double(n);
    }
    return total;
}

std::vector<double> bootstrap(const std::vector<ItemValues> &groups, int resamples,
                              std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::vector<double> out(std::size_t(std::max(0, resamples)));
    for (double &r : out)
        r = bootstrapReplicate(groups, rng);
    std::sort(out.begin(), out.end());
    return out;
}

Interval percentileInterval(const std::vector<double> &sorted, double confidence)
{
    if (sorted.empty()) return {};
    const auto at = [&](double q) {
        const double pos = q * double(sorted.size() - 1);
        const auto i = std::size_t(std::floor(pos));
        const double f = pos - double(i);
        return i + 1 < sorted.size() ? sorted[i] * (1 - f) + sorted[i + 1] * f : sorted[i];
    };
    return {at((1.0 - confidence) / 2.0), at((1.0 + confidence) / 2.0)};
}

double bootstrapP(const std::vector<double> &replicates)
{
    constexpr double kZero = 1e-12; // sums of item values land beside 0 by rounding
    std::int64_t below = 0, above = 0;
    for (double r : replicates) {
        below += r <= kZero;
        above += r >= -kZero;
    }
    const double b = double(replicates.size());
    return std::min(1.0, 2.0 * (double(std::min(below, above)) + 1.0) / (b + 1.0));
}

} // namespace cs::stats
