#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Fills resources/translations/clozescope_ko.ts with the Korean translations below.

Run after `cmake --build build -t update_translations` adds new source texts; texts without
an entry here stay unfinished (shown in English) and are listed.
"""
import html
import pathlib
import re
import sys

KO = {
    "Peak": "정점",
    "Early stop": "조기 종료",
    "Restored by early stopping": "조기 종료가 복원한 체크포인트",
    "Tied with the best (Holm)": "최고와 동률 (Holm)",
    "Decline after the peak": "정점 이후 하락",
    "%1: cannot write (%2)": "%1: 쓸 수 없습니다 (%2)",
    "ClozeScope curves": "ClozeScope 곡선",
    "%1: PNG encoding failed": "%1: PNG 인코딩 실패",
    '%1: unknown image format "%2" (png, svg or pdf)': '%1: 알 수 없는 이미지 형식 "%2" (png, svg, pdf 중 하나)',
    "%1: cannot open (%2)": "%1: 열 수 없습니다 (%2)",
    "%1: byte %2: %3": "%1: %2바이트: %3",
    '%1: not a ClozeScope workspace (no "format": "clozescope-workspace")':
        '%1: ClozeScope 작업 공간이 아닙니다 ("format": "clozescope-workspace" 없음)',
    "%1: workspace version %2 is newer than this ClozeScope reads (1)":
        "%1: 작업 공간 버전 %2은(는) 이 ClozeScope가 읽는 버전(1)보다 새롭습니다",
    "no runs found in %1": "%1에서 실행(run)을 찾지 못했습니다",
    "no run has the metric %1; available: %2": "지표 %1을(를) 가진 실행이 없습니다. 사용 가능: %2",
    "Run": "실행",
    "Checkpoint": "체크포인트",
    "Step": "스텝",
    "Epoch": "에폭",
    "Copy as TSV": "TSV로 복사",
    "Copy as Markdown": "Markdown으로 복사",
    "%1 % interval": "%1 % 신뢰구간",
    "Open a results folder or file (File ▸ Open, or drop it here).":
        "결과 폴더나 파일을 여세요 (파일 ▸ 열기, 또는 여기에 끌어 놓기).",
    "ClozeScope": "ClozeScope",
    "Open results to begin.": "결과를 열어 시작하세요.",
    "Reading %1": "%1 읽는 중",
    "&File": "파일(&F)",
    "Main": "기본",
    "Open &folder…": "폴더 열기(&F)…",
    "Open results folder": "결과 폴더 열기",
    "Open f&iles…": "파일 열기(&I)…",
    "Open result files": "결과 파일 열기",
    "Results (*.json *.jsonl *.csv *tfevents*);;All files (*)": "결과 (*.json *.jsonl *.csv *tfevents*);;모든 파일 (*)",
    "Open &workspace…": "작업 공간 열기(&W)…",
    "Open workspace": "작업 공간 열기",
    "ClozeScope workspace (*.workspace.json)": "ClozeScope 작업 공간 (*.workspace.json)",
    "&Save workspace…": "작업 공간 저장(&S)…",
    "Save workspace": "작업 공간 저장",
    "Open &recent": "최근 항목(&R)",
    "&Reload": "다시 읽기(&R)",
    "&Export": "내보내기(&E)",
    "Charts (PNG, SVG, PDF)…": "차트 (PNG, SVG, PDF)…",
    "Table (CSV, Markdown, LaTeX, JSON)…": "표 (CSV, Markdown, LaTeX, JSON)…",
    "Report (Markdown, HTML)…": "보고서 (Markdown, HTML)…",
    "&Quit": "끝내기(&Q)",
    " Metric ": " 지표 ",
    "  x ": "  x축 ",
    "Export charts…": "차트 내보내기…",
    "Small multiples": "작은 다중 차트",
    "Runs": "실행",
    "Verdict": "판정",
    "Checkpoints": "체크포인트",
    "Problems": "문제",
    "Problems (%1)": "문제 (%1)",
    "Table": "표",
    "Reading…": "읽는 중…",
    "%1 runs, %2 files, %3 problems": "실행 %1개, 파일 %2개, 문제 %3개",
    "ClozeScope — %1": "ClozeScope — %1",
    "Export charts": "차트 내보내기",
    "PNG (*.png);;SVG (*.svg);;PDF (*.pdf)": "PNG (*.png);;SVG (*.svg);;PDF (*.pdf)",
    "Export table": "표 내보내기",
    "CSV (*.csv);;Markdown (*.md);;LaTeX (*.tex);;JSON (*.json)": "CSV (*.csv);;Markdown (*.md);;LaTeX (*.tex);;JSON (*.json)",
    "Export report": "보고서 내보내기",
    "HTML (*.html);;Markdown (*.md)": "HTML (*.html);;Markdown (*.md)",
    "Curves as shown in ClozeScope": "ClozeScope에 표시된 곡선",
    "Significant decline after the peak": "정점 이후 유의한 하락",
    "Decline after the peak (within noise)": "정점 이후 하락 (잡음 범위 안)",
    "step %1, epoch %2": "스텝 %1, 에폭 %2",
    "Severity": "심각도",
    "File": "파일",
    "Place": "위치",
    "Reason": "이유",
    "error": "오류",
    "warning": "경고",
    "note": "참고",
    "n per metric": "지표별 n",
    "Steps/epoch": "에폭당 스텝",
    "%1 tokens": "%1 토큰",
    "length unknown": "길이 모름",
    "Steps per epoch (double-click to set; remembered in the workspace)":
        "에폭당 스텝 수 (두 번 클릭해 입력, 작업 공간에 저장됨)",
    "Settings": "설정",
    "Keep the best by": "최고 체크포인트 기준",
    "Early stopping on": "조기 종료 기준 지표",
    "Patience": "인내(patience)",
    "Threshold": "임계값",
    "Significance level": "유의수준",
    "Composite score weights": "종합 점수 가중치",
    "Real@1, else score": "Real@1, 없으면 종합 점수",
    "the same metric": "같은 지표",
    "Early stopping (patience %1) stops at %2 (epoch %3) and restores %4.":
        "조기 종료(patience %1)는 %2(에폭 %3)에서 멈추고 %4을(를) 복원합니다.",
    "Early stopping (patience %1) never stops; best %2.": "조기 종료(patience %1)는 멈추지 않습니다. 최고: %2.",
    "No run shown.": "표시된 실행이 없습니다.",
    "Choose which masked-LM checkpoint to keep.": "남길 마스크드 LM 체크포인트를 고릅니다.",
    "Result files or folders to open.": "열 결과 파일이나 폴더.",
    "Render the curves to FILE (.png, .svg, .pdf) and exit.": "곡선을 FILE(.png, .svg, .pdf)로 그리고 끝냅니다.",
    "Metric to draw (default: small multiples).": "그릴 지표 (기본: 작은 다중 차트).",
    "x axis: epoch or step.": "x축: epoch 또는 step.",
    "Time chart redraws of 50 runs × 20 checkpoints and exit.": "실행 50개 × 체크포인트 20개의 차트 다시 그리기 시간을 재고 끝냅니다.",
    "Open in Probe": "프로브에서 열기",
    "Flips: %1, %2 → %3": "바뀐 예제: %1, %2 → %3",
    "%1 from %2 to %3: %4 right → wrong, %5 wrong → right of %6 examples both recorded (exact McNemar, %7).":
        "%1, %2에서 %3로: 둘 다 기록한 예제 %6개 중 맞음 → 틀림 %4개, 틀림 → 맞음 %5개 (정확 McNemar, %7).",
    "The text of %1 is not available.": "%1의 텍스트가 없습니다.",
    "The evaluated checkpoint %1 is not on this machine.": "평가한 체크포인트 %1이(가) 이 컴퓨터에 없습니다.",
    ">10": ">10",
    "right → wrong": "맞음 → 틀림",
    "wrong → right": "틀림 → 맞음",
    "(text not found)": "(텍스트를 찾지 못함)",
    "Change": "변화",
    "Set": "세트",
    "Example": "예제",
    "Rank at %1": "%1에서의 순위",
    "Answer": "정답",
    "Text": "문장",
    "Flips since the previous checkpoint": "이전 체크포인트 이후 바뀐 예제",
    "Flips since the peak": "정점 이후 바뀐 예제",
    "No flips: %1": "바뀐 예제 없음: %1",
    "Follow the run while it trains: evaluate each checkpoint as soon as it is saved, until training ends":
        "학습 중인 실행 따라가기: 체크포인트가 저장되는 대로 평가하고, 학습이 끝날 때까지 계속합니다",
    "Following: %1 is not complete yet (%2).": "따라가는 중: %1은(는) 아직 다 쓰이지 않았습니다 (%2).",
    "Following: %1 evaluated; %2. Waiting for the next checkpoint…":
        "따라가는 중: %1 평가 완료. %2. 다음 체크포인트를 기다립니다…",
    "Choose the run folder to follow.": "따라갈 실행 폴더를 고르세요.",
    "Following %1: waiting for checkpoints…": "%1 따라가는 중: 체크포인트를 기다립니다…",
    "F&ollow a training run…": "학습 실행 따라가기(&O)…",
    "Early stopping would stop now, at %1: %2.": "조기 종료라면 지금 %1에서 멈춥니다: %2.",
}




def main() -> int:
    path = pathlib.Path(__file__).resolve().parent.parent / "resources" / "translations" / "clozescope_ko.ts"
    text = path.read_text(encoding="utf-8")
    missing = set()

    def fill(match: re.Match) -> str:
        source = html.unescape(match.group(1))
        ko = KO.get(source)
        if ko is None:
            missing.add(source)
            return match.group(0)
        return f"<source>{match.group(1)}</source>\n        <translation>{html.escape(ko, quote=False)}</translation>"

    text = re.sub(r"<source>(.*?)</source>\s*<translation[^>]*>.*?</translation>", fill, text, flags=re.S)
    path.write_text(text, encoding="utf-8")
    for m in sorted(missing):
        print("untranslated:", m, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
