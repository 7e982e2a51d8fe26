// SPDX-License-Identifier: MIT
#include "report/report_words.h"

#include <map>
#include <mutex>

namespace cs {
namespace {

/// The Korean report: English pattern → Korean pattern (the same {n} arguments).
const std::map<std::string, std::string> &korean()
{
    static const std::map<std::string, std::string> words = {
        {"ClozeScope report", "ClozeScope 보고서"},
        {"Results from {1}: {2} runs in {3} files.", "결과: {1} — 파일 {3}개에 실행 {2}개."},
        {"Recommendation", "추천"},
        {"Criteria", "기준"},
        {"Composite score = {1}, computed for every checkpoint that has all of these; a score a "
         "file carries itself is shown beside it and flagged when it differs by more than {2}.",
         "종합 점수 = {1}. 세 지표가 모두 있는 체크포인트마다 계산합니다. 파일에 적힌 점수는 옆에 "
         "보이고, {2}보다 크게 다르면 표시합니다."},
        {"Peak: the best value (higher is better; lower for losses and perplexities); ties go to "
         "the higher composite score, then the earlier checkpoint.",
         "정점: 가장 좋은 값 (높을수록 좋음; 손실과 퍼플렉서티는 낮을수록). 같으면 종합 점수가 "
         "높은 쪽, 그다음 앞선 체크포인트."},
        {"Intervals: Wilson {1} % score intervals where the number of examples n is known; a "
         "normal interval from the standard error a file reports (lm-evaluation-harness) where "
         "only that is known; none is shown otherwise.",
         "구간: 예제 수 n을 알면 Wilson {1} % 점수 구간, 파일이 표준오차만 주면 "
         "(lm-evaluation-harness) 그로부터 정규 구간, 그 밖에는 구간을 보이지 않습니다."},
        {"Tests: exact McNemar on per-example records when both checkpoints have them; otherwise "
         "a pooled two-proportion z-test, which treats the two evaluations as independent "
         "(approximate). Significance level {1}.",
         "검정: 두 체크포인트 모두 예제별 기록이 있으면 정확 McNemar 검정, 아니면 두 평가를 "
         "독립으로 "
         "보는 합동 두 비율 z-검정(근사). 유의수준 {1}."},
        {"Early stopping as Hugging Face's EarlyStoppingCallback: patience {1}, threshold {2}, on "
         "{3}.",
         "조기 종료는 Hugging Face EarlyStoppingCallback과 같이: 인내(patience) {1}, 임계값 {2}, "
         "지표 {3}."},
        {"each run's criterion", "실행마다의 기준 지표"},
        {"The checkpoint to keep is chosen by {1}.", "남길 체크포인트는 {1}(으)로 고릅니다."},
        {"Real@1 where present, else the composite score", "Real@1, 없으면 종합 점수"},
        {"Differences are differences of the shown 4-decimal values, in percentage points for "
         "proportions.",
         "차이는 보이는 소수 넷째 자리 값의 차이이며, 비율은 퍼센트포인트입니다."},
        {"Runs", "실행"},
        {"Run", "실행"},
        {"Experiment", "실험"},
        {"Seq len", "길이"},
        {"Checkpoints", "체크포인트"},
        {"n per metric", "지표별 n"},
        {"Epochs", "에폭"},
        {"unknown", "모름"},
        {"as written in the results", "결과에 적힌 값"},
        {"from trainer_state.json", "trainer_state.json에서"},
        {"step / {1} steps per epoch ({2}), rounded", "스텝 / 에폭당 {1} 스텝 ({2}), 반올림"},
        {"unknown for some checkpoints", "일부 체크포인트는 모름"},
        {"Experiment {1}; epochs {2}. Best values in bold.",
         "실험 {1}; 에폭: {2}. 최고 값은 굵게."},
        {"Best checkpoint per criterion", "기준별 최고 체크포인트"},
        {"Best checkpoints", "최고 체크포인트"},
        {"Criterion", "기준"},
        {"Checkpoint", "체크포인트"},
        {"Step", "스텝"},
        {"Epoch", "에폭"},
        {"Value", "값"},
        {"Interval", "구간"},
        {"best {1}", "최고 {1}"},
        {"early stopping on {1} restores", "{1} 기준 조기 종료가 복원"},
        {"Trainer's best_model_checkpoint", "Trainer의 best_model_checkpoint"},
        {"{1} {2}% CI", "{1} {2}% 신뢰구간"},
        {"Score", "종합 점수"},
        {"File score", "파일의 점수"},
        {" (differs)", " (다름)"},
        {"{1} checkpoints share epoch {2}; each is kept and shown.",
         "체크포인트 {1}개가 에폭 {2}을(를) 공유합니다; 모두 남겨 보입니다."},
        // The recommendation (the workbench's Verdict panel says the same in its catalogue).
        {"{1}: no values to choose from.", "{1}: 고를 값이 없습니다."},
        {"{1}: keep {2}", "{1}: {2} 유지"},
        {"{1}: keep {2} (epoch {3})", "{1}: {2} 유지 (에폭 {3})"},
        {"by {1}", "{1}까지의"},
        {"by epoch {1}", "에폭 {1}까지의"},
        {"the {1}-point decline {2}", "{2} {1}포인트 하락"},
        {"the {1} decline {2}", "{2} {1} 하락"},
        {"it is the last evaluation, so no decline is seen yet",
         "마지막 평가라 아직 하락이 보이지 않습니다"},
        {"no decline after it {1}", "이후 {1} 하락 없음"},
        {"{1} is within noise, {2}", "{1}은 잡음 범위 안입니다 ({2})"},
        {"{1} is significant, {2}", "{1}은 유의합니다 ({2})"},
        {"{1} cannot be tested ({2})", "{1}은 검정할 수 없습니다 ({2})"},
        {"value missing", "값이 없음"},
        {"number of examples unknown", "예제 수를 모름"},
        // Comparisons.
        {"Sequence length comparison", "시퀀스 길이 비교"},
        {"{1}: {2} vs {3}", "{1}: {2} 대 {3}"},
        {"Metric", "지표"},
        {"Best @{1}", "최고 @{1}"},
        {"Difference ({1} − {2})", "차이 ({1} − {2})"},
        {"Test", "검정"},
        {"{1} ({2}, epoch {3})", "{1} ({2}, 에폭 {3})"},
        {"The evaluation sets differ between the lengths (Real@k n {1} vs {2}): these are "
         "different test sets, so the comparison is indicative only.",
         "길이마다 평가 세트가 다릅니다 (Real@k n {1} 대 {2}): 다른 시험 세트이므로 비교는 "
         "참고용일 "
         "뿐입니다."},
        {"McNemar exact (paired, {1} examples)", "정확 McNemar (대응, 예제 {1}개)"},
        {"paired bootstrap over items ({1} examples, {2} resamples)",
         "예제 단위 대응 부트스트랩 (예제 {1}개, 재표본 {2}회)"},
        {"z on delta-method standard errors (unpaired, approximate)",
         "델타 방법 표준오차의 z (비대응, 근사)"},
        {"two-proportion z (unpaired, approximate)", "두 비율 z (비대응, 근사)"},
        {"z on the reported standard errors (unpaired, approximate)",
         "보고된 표준오차로 z (비대응, 근사)"},
        {"Matched-epoch comparison", "같은 에폭 비교"},
        {"The two runs were evaluated on different sets (n or dataset differ).",
         "두 실행은 다른 세트로 평가되었습니다 (n 또는 데이터셋이 다름)."},
        {"Decline after the peak", "정점 이후 하락"},
        {"Peak", "정점"},
        {"Last", "마지막"},
        {"Change", "변화"},
        {"Verdict", "판정"},
        {"no decline", "하락 없음"},
        {"within noise", "잡음 범위 안"},
        {"significant decline", "유의한 하락"},
        {"decline, not tested", "하락, 검정 못 함"},
        // Intervals, tests, Holm, power and flips (issue 13).
        {"The composite score's interval: a percentile bootstrap over items ({1} resamples, "
         "seed {2}) where every example of every weighted metric was recorded; otherwise the "
         "delta method from the counts, with Real@1 and Real@5 sharing their items (a Real@1 "
         "hit is a Real@5 hit) and LAMBADA another set.",
         "종합 점수의 구간: 가중치가 있는 모든 지표의 예제가 전부 기록되어 있으면 예제 단위 백분위 "
         "부트스트랩 (재표본 {1}회, 시드 {2}), 아니면 개수로부터 델타 방법. Real@1과 Real@5는 같은 "
         "예제를 공유하고 (Real@1 적중은 Real@5 적중), LAMBADA는 다른 세트입니다."},
        {"The composite score is tested by a paired bootstrap over the items both checkpoints "
         "recorded, else by a z-test on the delta-method standard errors (unpaired). Each result "
         "names its test.",
         "종합 점수는 두 체크포인트가 모두 기록한 예제에 대한 대응 부트스트랩으로, 아니면 델타 "
         "방법 "
         "표준오차의 z-검정(비대응)으로 검정합니다. 결과마다 검정 이름을 적습니다."},
        {"Overfitting verdict: \"significant decline\" only when the last evaluation is "
         "significantly below the peak; otherwise \"within noise\" or \"no decline\". The "
         "checkpoints not significantly worse than the peak at level {1} after Holm's correction "
         "over all comparisons with it are \"tied with the best\".",
         "과적합 판정: 마지막 평가가 정점보다 유의하게 낮을 때만 \"유의한 하락\", 아니면 \"잡음 "
         "범위 안\" 또는 \"하락 없음\". 정점과의 모든 비교에 Holm 보정을 한 뒤 유의수준 {1}에서 "
         "정점보다 유의하게 나쁘지 않은 체크포인트는 \"최고와 동률\"입니다."},
        {"Power: the detectable decline is the smallest the decline test finds with {1} % power "
         "at level {2}; paired from how often the two checkpoints disagree where per-example "
         "records exist, else from n and the peak's value.",
         "검정력: 검출 가능한 하락은 하락 검정이 유의수준 {2}에서 검정력 {1} %로 찾아내는 가장 "
         "작은 "
         "하락입니다. 예제별 기록이 있으면 두 체크포인트가 엇갈리는 비율로(대응), 없으면 n과 정점 "
         "값으로 구합니다."},
        {"Change is last − peak (points for proportions). A decline is called significant only "
         "when its test says so at level {1}. Detectable decline: the smallest decline that test "
         "would find with {2} % power; a smaller one could not have been seen.",
         "변화는 마지막 − 정점입니다 (비율은 포인트). 하락은 검정이 유의수준 {1}에서 유의하다고 할 "
         "때만 유의하다고 합니다. 검출 가능한 하락: 그 검정이 검정력 {2} %로 찾아낼 가장 작은 "
         "하락. "
         "그보다 작은 하락은 보일 수 없었습니다."},
        {"Tied with the best (Holm)", "최고와 동률 (Holm)"},
        {"Detectable decline", "검출 가능한 하락"},
        {"{1} points (paired, n = {2})", "{1}포인트 (대응, n = {2})"},
        {"{1} points (n = {2})", "{1}포인트 (n = {2})"},
        {"{1} of the {2} other checkpoints are tied with it after Holm's correction",
         "Holm 보정 후 다른 체크포인트 {2}개 중 {1}개가 이와 동률입니다"},
        {"with n = {1} paired examples a decline under {2} points could not have been seen",
         "대응 예제 n = {1}개로는 {2}포인트보다 작은 하락은 보일 수 없었습니다"},
        {"with n = {1} a decline under {2} points could not have been seen",
         "n = {1}으로는 {2}포인트보다 작은 하락은 보일 수 없었습니다"},
        {"Its value is the best of {1} noisy estimates, so it likely overstates what the "
         "checkpoint scores on new data.",
         "이 값은 잡음이 있는 추정치 {1}개 중 최고이므로, 새 데이터에서의 점수를 과대평가했을 "
         "가능성이 큽니다."},
        {"Both evaluations used the same set (same SHA-256): a paired test was possible had the "
         "per-example records been kept.",
         "두 평가는 같은 세트(같은 SHA-256)를 썼습니다. 예제별 기록을 남겼다면 대응 검정이 "
         "가능했습니다."},
        {"What was lost after the peak", "정점 이후 잃은 것"},
        {"For each metric that declined after its peak and whose examples were recorded: the "
         "examples right at the peak and wrong at the last evaluation.",
         "정점 이후 하락했고 예제가 기록된 지표마다: 정점에서 맞았고 마지막 평가에서 틀린 예제."},
        {"{1}, {2} from {3} to {4}: {5} examples right at the peak are wrong at the last "
         "evaluation, {6} wrong ones became right (McNemar exact, {7}).",
         "{1}, {2}, {3}에서 {4}로: 정점에서 맞은 예제 {5}개가 마지막 평가에서 틀렸고, 틀린 예제 "
         "{6}개가 맞게 되었습니다 (정확 McNemar, {7})."},
        {"{1}, {2}: right at {3}, wrong at {4}", "{1}, {2}: {3}에서 맞고 {4}에서 틀림"},
        {"The first {1} of {2}; clozescope-cli flips lists them all.",
         "{2}개 중 처음 {1}개. clozescope-cli flips가 모두 보여 줍니다."},
        {"{1}: flips from {2} to {3}", "{1}: {2}에서 {3}로 바뀐 예제"},
        {"Set", "세트"},
        {"Example", "예제"},
        {"Rank before", "이전 순위"},
        {"Rank after", "이후 순위"},
        {"Answer", "정답"},
        {"Text", "텍스트"},
        {"right → wrong", "맞음 → 틀림"},
        {"wrong → right", "틀림 → 맞음"},
        {"Overfitting analysis", "과적합 분석"},
        {"Early-stopping simulation (threshold {1})", "조기 종료 모의 실험 (임계값 {1})"},
        {"patience {1}", "인내 {1}"},
        {"stops at {1} ({2}), restores {3}", "{1}({2})에서 멈추고 {3} 복원"},
        {"runs to the end, best {1}", "끝까지 학습, 최고 {1}"},
        {"Early stopping", "조기 종료"},
        {"{1}: with patience {2} on {3}, ", "{1}: {3} 기준 인내 {2}이면 "},
        {"training stops at {1} (epoch {2}) and restores {3}",
         "{1}(에폭 {2})에서 학습이 멈추고 {3}을(를) 복원합니다"},
        {"training stops at {1} and restores {2}", "{1}에서 학습이 멈추고 {2}을(를) 복원합니다"},
        {"({1} ties with it on {2}; ClozeScope keeps {1}, the tie broken by the score)",
         "({1}이(가) {2}에서 같은 값이며, ClozeScope는 종합 점수로 동점을 가려 {1}을(를) "
         "남깁니다)"},
        {", saving {1} epochs", " ({1} 에폭 절약)"},
        {", saving {1} steps", " ({1} 스텝 절약)"},
        {"; it would have saved no training", " (아끼는 학습 없음)"},
        {"patience never runs out; the best checkpoint is {1}",
         "조기 종료되지 않습니다; 최고 체크포인트는 {1}입니다"},
        {"Scores written in the files", "파일에 적힌 점수"},
        {"{1} scores carried by the files were recomputed from their own metrics; {2} disagree.",
         "파일에 적힌 점수 {1}개를 그 지표로 다시 계산했습니다; {2}개가 다릅니다."},
        {"{1} {2}: the file says {3}, its metrics give {4} ({5})",
         "{1} {2}: 파일은 {3}, 그 지표로는 {4} ({5})"},
        {"Import notes", "가져오기 메모"},
        {"Every file was read without problems.", "모든 파일을 문제없이 읽었습니다."},
        {"n/a", "없음"},
        {"results file", "결과 파일"},
        {"workspace", "작업 공간"},
        {"user", "사용자"},
        {"trainer_state.json", "trainer_state.json"},
        {"TensorBoard train/epoch", "TensorBoard train/epoch"},
        {"error", "오류"},
        {"warning", "경고"},
        {"info", "정보"},
    };
    return words;
}

std::mutex &missingLock()
{
    static std::mutex m;
    return m;
}

std::set<std::string> &missing()
{
    static std::set<std::string> m;
    return m;
}

} // namespace

std::string say(ReportLanguage language, const std::string &pattern,
                const std::vector<std::string> &arguments)
{
    std::string text = pattern;
    if (language == ReportLanguage::Korean && !pattern.empty()) {
        const auto &words = korean();
        if (const auto it = words.find(pattern); it != words.end()) {
            text = it->second;
        } else {
            const std::lock_guard<std::mutex> lock(missingLock());
            missing().insert(pattern);
        }
    }
    // {1}…{9}, each replaced once where it stands (arguments may contain braces).
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}' && text[i + 1] >= '1' &&
            text[i + 1] <= '9') {
            const std::size_t n = std::size_t(text[i + 1] - '1');
            out += n < arguments.size() ? arguments[n] : std::string();
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::set<std::string> missingWords()
{
    const std::lock_guard<std::mutex> lock(missingLock());
    return missing();
}

bool parseReportLanguage(const std::string &name, ReportLanguage &language)
{
    if (name.empty() || name == "en" || name == "english") {
        language = ReportLanguage::English;
        return true;
    }
    if (name == "ko" || name == "korean") {
        language = ReportLanguage::Korean;
        return true;
    }
    return false;
}

} // namespace cs
