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
