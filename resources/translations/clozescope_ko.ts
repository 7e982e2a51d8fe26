<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>QObject</name>
    <message>
        <location filename="../../widgets/charts/metric_chart.cpp" line="76"/>
        <source>Peak</source>
        <translation>정점</translation>
    </message>
    <message>
        <location filename="../../widgets/charts/metric_chart.cpp" line="77"/>
        <source>Early stop</source>
        <translation>조기 종료</translation>
    </message>
    <message>
        <location filename="../../widgets/charts/metric_chart.cpp" line="78"/>
        <source>Restored by early stopping</source>
        <translation>조기 종료가 복원한 체크포인트</translation>
    </message>
    <message>
        <location filename="../../widgets/charts/metric_chart.cpp" line="79"/>
        <source>Tied with the best (Holm)</source>
        <translation>최고와 동률 (Holm)</translation>
    </message>
    <message>
        <location filename="../../widgets/charts/metric_chart.cpp" line="80"/>
        <source>Decline after the peak</source>
        <translation>정점 이후 하락</translation>
    </message>
    <message>
        <location filename="../../widgets/charts/chart_export.cpp" line="20"/>
        <location filename="../../widgets/charts/chart_export.cpp" line="49"/>
        <source>%1: cannot write (%2)</source>
        <translation>%1: 쓸 수 없습니다 (%2)</translation>
    </message>
    <message>
        <location filename="../../widgets/charts/chart_export.cpp" line="26"/>
        <location filename="../../widgets/charts/chart_export.cpp" line="31"/>
        <source>ClozeScope curves</source>
        <translation>ClozeScope 곡선</translation>
    </message>
    <message>
        <location filename="../../widgets/charts/chart_export.cpp" line="44"/>
        <source>%1: PNG encoding failed</source>
        <translation>%1: PNG 인코딩 실패</translation>
    </message>
    <message>
        <location filename="../../widgets/charts/chart_export.cpp" line="47"/>
        <source>%1: unknown image format &quot;%2&quot; (png, svg or pdf)</source>
        <translation>%1: 알 수 없는 이미지 형식 "%2" (png, svg, pdf 중 하나)</translation>
    </message>
</context>
<context>
    <name>ShownExports</name>
    <message>
        <location filename="../../widgets/window/shown_exports.cpp" line="45"/>
        <source>Nothing is shown to export: tick a run with values.</source>
        <translation>내보낼 것이 표시되어 있지 않습니다. 값이 있는 실행을 체크하세요.</translation>
    </message>
    <message>
        <location filename="../../widgets/window/shown_exports.cpp" line="72"/>
        <source>Curves as shown in ClozeScope</source>
        <translation>ClozeScope에 표시된 곡선</translation>
    </message>
</context>
<context>
    <name>WorkspaceIo</name>
    <message>
        <location filename="../../widgets/window/workspace_io.cpp" line="17"/>
        <source>%1: the workspace names no results to open</source>
        <translation>%1: 워크스페이스에 열 결과가 없습니다</translation>
    </message>
</context>
<context>
    <name>cs</name>
    <message>
        <location filename="../../widgets/window/headless_export.cpp" line="26"/>
        <source>no runs found in %1</source>
        <translation>%1에서 실행(run)을 찾지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../widgets/window/headless_export.cpp" line="31"/>
        <source>no run has the metric %1; available: %2</source>
        <translation>지표 %1을(를) 가진 실행이 없습니다. 사용 가능: %2</translation>
    </message>
</context>
<context>
    <name>cs::BrowseRow</name>
    <message>
        <location filename="../../widgets/dialogs/browse_row.cpp" line="17"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
</context>
<context>
    <name>cs::CheckpointModel</name>
    <message>
        <location filename="../../widgets/models/checkpoint_model.cpp" line="86"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../../widgets/models/checkpoint_model.cpp" line="87"/>
        <source>Checkpoint</source>
        <translation>체크포인트</translation>
    </message>
    <message>
        <location filename="../../widgets/models/checkpoint_model.cpp" line="88"/>
        <source>Step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../../widgets/models/checkpoint_model.cpp" line="89"/>
        <source>Epoch</source>
        <translation>에폭</translation>
    </message>
</context>
<context>
    <name>cs::CheckpointTable</name>
    <message>
        <location filename="../../widgets/panels/checkpoint_table.cpp" line="41"/>
        <source>Copy as TSV</source>
        <translation>TSV로 복사</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/checkpoint_table.cpp" line="47"/>
        <source>Copy as Markdown</source>
        <translation>Markdown으로 복사</translation>
    </message>
</context>
<context>
    <name>cs::CurvesGrid</name>
    <message>
        <location filename="../../widgets/charts/curves_grid.cpp" line="76"/>
        <source>%1 % interval</source>
        <translation>%1 % 신뢰구간</translation>
    </message>
    <message>
        <location filename="../../widgets/charts/curves_grid.cpp" line="103"/>
        <source>No run is shown: tick one in the Runs list.</source>
        <translation>표시된 실행이 없습니다. 실행 목록에서 하나를 체크하세요.</translation>
    </message>
    <message>
        <location filename="../../widgets/charts/curves_grid.cpp" line="105"/>
        <source>Open a results folder or file (File ▸ Open, or drop it here).</source>
        <translation>결과 폴더나 파일을 여세요 (파일 ▸ 열기, 또는 여기에 끌어 놓기).</translation>
    </message>
    <message>
        <location filename="../../widgets/charts/curves_grid.cpp" line="115"/>
        <source>Nothing to show from %1.</source>
        <translation>%1에서 보여 줄 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../widgets/charts/curves_grid.cpp" line="116"/>
        <source>All problems: the Problems tab.</source>
        <translation>모든 문제: 문제 탭.</translation>
    </message>
</context>
<context>
    <name>cs::EvalDialog</name>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="27"/>
        <source>Follow the run while it trains: evaluate each checkpoint as soon as it is saved, until training ends</source>
        <translation>학습 중인 실행 따라가기: 체크포인트가 저장되는 대로 평가하고, 학습이 끝날 때까지 계속합니다</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="31"/>
        <source>Evaluate checkpoints</source>
        <translation>체크포인트 평가</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="34"/>
        <source>Run folder</source>
        <translation>학습 실행 폴더</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="36"/>
        <source>Checkpoints</source>
        <translation>체크포인트</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="37"/>
        <source>Cloze sets (*.jsonl)</source>
        <translation>빈칸 채우기 세트 (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="39"/>
        <source>Real set</source>
        <translation>Real 세트</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="41"/>
        <source>LAMBADA set</source>
        <translation>LAMBADA 세트</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="44"/>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="47"/>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="51"/>
        <source> tokens</source>
        <translation> 토큰</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="52"/>
        <source>Max length</source>
        <translation>최대 길이</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="54"/>
        <source>Results folder</source>
        <translation>결과 폴더</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="62"/>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="79"/>
        <source>Following: %1 is not complete yet (%2).</source>
        <translation>따라가는 중: %1은(는) 아직 다 쓰이지 않았습니다 (%2).</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="85"/>
        <source>Following: %1 evaluated; %2. Waiting for the next checkpoint…</source>
        <translation>따라가는 중: %1 평가 완료. %2. 다음 체크포인트를 기다립니다…</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="116"/>
        <source>%1: no checkpoint-N folders in this run</source>
        <translation>%1: 이 실행에 checkpoint-N 폴더가 없습니다</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="176"/>
        <source>Choose the run folder to follow.</source>
        <translation>따라갈 실행 폴더를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="178"/>
        <source>Tick at least one checkpoint.</source>
        <translation>체크포인트를 하나 이상 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="180"/>
        <source>Choose a Real or a LAMBADA set.</source>
        <translation>Real 또는 LAMBADA 세트를 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="182"/>
        <source>Choose a results folder.</source>
        <translation>결과 폴더를 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="194"/>
        <source>An evaluation is still running.</source>
        <translation>평가가 아직 진행 중입니다.</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="203"/>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="204"/>
        <source>Following %1: waiting for checkpoints…</source>
        <translation>%1 따라가는 중: 체크포인트를 기다립니다…</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="213"/>
        <source>Cancelling: the checkpoint in progress is dropped, finished ones are kept.</source>
        <translation>취소하는 중: 진행 중인 체크포인트는 버리고, 끝난 체크포인트는 유지합니다.</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="226"/>
        <source>, about %1 min %2 s left</source>
        <translation>, 약 %1분 %2초 남음</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="228"/>
        <source>%1 (%2 of %3): %4 of %5 examples%6</source>
        <translation>%1 (%3개 중 %2번째): 예제 %5개 중 %4개%6</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="242"/>
        <source>Failed: %1</source>
        <translation>실패: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="245"/>
        <source>Cancelled; %n checkpoint(s) evaluated and kept in %1.</source>
        <translation>
            <numerusform>취소됨. 체크포인트 %n개를 평가해 %1에 보관했습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="253"/>
        <source>Done: %n checkpoint(s) evaluated into %1; %2 skipped (evaluated before, or by another evaluation).</source>
        <translation>
            <numerusform>완료: 체크포인트 %n개를 평가해 %1에 저장했습니다. %2개는 건너뛰었습니다 (이미 평가되었거나 다른 평가가 맡았습니다).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dialogs/eval_dialog.cpp" line="258"/>
        <source>Done: %n checkpoint(s) evaluated into %1.</source>
        <translation>
            <numerusform>완료: 체크포인트 %n개를 평가해 %1에 저장했습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cs::ExamplesModel</name>
    <message>
        <location filename="../../widgets/models/examples_model.cpp" line="54"/>
        <source>not among the best fillings the evaluation kept</source>
        <translation>평가가 남긴 최상위 채움 안에 없음</translation>
    </message>
    <message>
        <location filename="../../widgets/models/examples_model.cpp" line="64"/>
        <source>The cloze set was not found; see the line above the table.</source>
        <translation>클로즈 세트를 찾지 못했습니다. 표 위의 설명을 보세요.</translation>
    </message>
    <message>
        <location filename="../../widgets/models/examples_model.cpp" line="74"/>
        <source>Set</source>
        <translation>세트</translation>
    </message>
    <message>
        <location filename="../../widgets/models/examples_model.cpp" line="75"/>
        <source>Example</source>
        <translation>예제</translation>
    </message>
    <message>
        <location filename="../../widgets/models/examples_model.cpp" line="76"/>
        <source>Rank</source>
        <translation>순위</translation>
    </message>
    <message>
        <location filename="../../widgets/models/examples_model.cpp" line="77"/>
        <source>Gold log p</source>
        <translation>정답 log p</translation>
    </message>
    <message>
        <location filename="../../widgets/models/examples_model.cpp" line="78"/>
        <source>Best filling</source>
        <translation>최선의 채움</translation>
    </message>
    <message>
        <location filename="../../widgets/models/examples_model.cpp" line="79"/>
        <source>Answer</source>
        <translation>정답</translation>
    </message>
    <message>
        <location filename="../../widgets/models/examples_model.cpp" line="80"/>
        <source>Text</source>
        <translation>문장</translation>
    </message>
</context>
<context>
    <name>cs::ExamplesPanel</name>
    <message>
        <location filename="../../widgets/panels/examples_panel.cpp" line="52"/>
        <source>Failing only (answer not first)</source>
        <translation>틀린 것만 (정답이 1위가 아님)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/examples_panel.cpp" line="53"/>
        <source>Open in Probe</source>
        <translation>프로브에서 열기</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/examples_panel.cpp" line="54"/>
        <source>Locate set…</source>
        <translation>세트 찾기…</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/examples_panel.cpp" line="84"/>
        <source>A results file&apos;s paths are not followed outside its folder: choose the cloze set it was evaluated on to show the texts</source>
        <translation>결과 파일에 적힌 경로는 그 폴더 밖으로 따라가지 않습니다. 평가에 쓴 빈칸 채우기 세트를 골라야 본문이 보입니다</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/examples_panel.cpp" line="101"/>
        <source>Select a checkpoint evaluated by ClozeScope to see its examples.</source>
        <translation>ClozeScope로 평가한 체크포인트를 고르면 예제가 보입니다.</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/examples_panel.cpp" line="117"/>
        <source>%1: reading…</source>
        <translation>%1: 읽는 중…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/panels/examples_panel.cpp" line="135"/>
        <source>%1: %2 of %n example(s) not answered first.</source>
        <translation>
            <numerusform>%1: 예제 %n개 중 %2개가 1위로 맞히지 못함.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/panels/examples_panel.cpp" line="178"/>
        <source>Locate cloze set &quot;%1&quot;</source>
        <translation>빈칸 채우기 세트 &quot;%1&quot; 찾기</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/examples_panel.cpp" line="180"/>
        <source>Cloze sets (*.jsonl);;All files (*)</source>
        <translation>빈칸 채우기 세트 (*.jsonl);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/examples_panel.cpp" line="199"/>
        <source>The text of %1 is not available (see above).</source>
        <translation>%1의 문장을 쓸 수 없습니다 (위 설명 참고).</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/examples_panel.cpp" line="201"/>
        <source>The results do not say which checkpoint was evaluated: use Probe… and choose its folder for %1.</source>
        <translation>결과에 평가한 체크포인트가 적혀 있지 않습니다: %1은(는) 프로브…에서 그 폴더를 골라 여세요.</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/examples_panel.cpp" line="205"/>
        <source>The evaluated checkpoint %1 is not on this machine: use Probe… and choose its folder for %2.</source>
        <translation>평가한 체크포인트 %1이(가) 이 컴퓨터에 없습니다: %2은(는) 프로브…에서 그 폴더를 골라 여세요.</translation>
    </message>
</context>
<context>
    <name>cs::FlipsDialog</name>
    <message>
        <location filename="../../widgets/dialogs/flips_dialog.cpp" line="22"/>
        <source>Open in Probe</source>
        <translation>프로브에서 열기</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/flips_dialog.cpp" line="60"/>
        <source>Flips: %1, %2 → %3</source>
        <translation>바뀐 예제: %1, %2 → %3</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/flips_dialog.cpp" line="63"/>
        <source>%1 from %2 to %3: %4 right → wrong, %5 wrong → right of %6 examples both recorded (exact McNemar, %7).</source>
        <translation>%1, %2에서 %3로: 둘 다 기록한 예제 %6개 중 맞음 → 틀림 %4개, 틀림 → 맞음 %5개 (정확 McNemar, %7).</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/flips_dialog.cpp" line="103"/>
        <source>The text of %1 is not available.</source>
        <translation>%1의 텍스트가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/flips_dialog.cpp" line="104"/>
        <source>The evaluated checkpoint %1 is not on this machine.</source>
        <translation>평가한 체크포인트 %1이(가) 이 컴퓨터에 없습니다.</translation>
    </message>
</context>
<context>
    <name>cs::FlipsModel</name>
    <message>
        <location filename="../../widgets/models/flips_model.cpp" line="37"/>
        <source>&gt;10</source>
        <translation>&gt;10</translation>
    </message>
    <message>
        <location filename="../../widgets/models/flips_model.cpp" line="41"/>
        <source>right → wrong</source>
        <translation>맞음 → 틀림</translation>
    </message>
    <message>
        <location filename="../../widgets/models/flips_model.cpp" line="41"/>
        <source>wrong → right</source>
        <translation>틀림 → 맞음</translation>
    </message>
    <message>
        <location filename="../../widgets/models/flips_model.cpp" line="53"/>
        <source>(text not found)</source>
        <translation>(텍스트를 찾지 못함)</translation>
    </message>
    <message>
        <location filename="../../widgets/models/flips_model.cpp" line="63"/>
        <source>Change</source>
        <translation>변화</translation>
    </message>
    <message>
        <location filename="../../widgets/models/flips_model.cpp" line="64"/>
        <source>Set</source>
        <translation>세트</translation>
    </message>
    <message>
        <location filename="../../widgets/models/flips_model.cpp" line="65"/>
        <source>Example</source>
        <translation>예제</translation>
    </message>
    <message>
        <location filename="../../widgets/models/flips_model.cpp" line="66"/>
        <location filename="../../widgets/models/flips_model.cpp" line="67"/>
        <source>Rank at %1</source>
        <translation>%1에서의 순위</translation>
    </message>
    <message>
        <location filename="../../widgets/models/flips_model.cpp" line="68"/>
        <source>Answer</source>
        <translation>정답</translation>
    </message>
    <message>
        <location filename="../../widgets/models/flips_model.cpp" line="69"/>
        <source>Text</source>
        <translation>문장</translation>
    </message>
</context>
<context>
    <name>cs::InterfaceLanguage</name>
    <message>
        <location filename="../../widgets/window/interface_language.cpp" line="11"/>
        <source>en</source>
        <comment>language code of this translation</comment>
        <translation>ko</translation>
    </message>
</context>
<context>
    <name>cs::MainWindow</name>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="68"/>
        <source>ClozeScope</source>
        <translation>ClozeScope</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="82"/>
        <source>Open results to begin.</source>
        <translation>결과를 열어 시작하세요.</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="92"/>
        <source>Reading %1</source>
        <translation>%1 읽는 중</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="133"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="134"/>
        <source>Main</source>
        <translation>기본</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="137"/>
        <source>Open &amp;folder…</source>
        <translation>폴더 열기(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="139"/>
        <source>Open results folder</source>
        <translation>결과 폴더 열기</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="150"/>
        <source>Open f&amp;iles…</source>
        <translation>파일 열기(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="152"/>
        <source>Open result files</source>
        <translation>결과 파일 열기</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="159"/>
        <source>Open &amp;workspace…</source>
        <translation>작업 공간 열기(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="161"/>
        <location filename="../../widgets/window/main_window.cpp" line="165"/>
        <source>Open workspace</source>
        <translation>작업 공간 열기</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="162"/>
        <location filename="../../widgets/window/main_window.cpp" line="169"/>
        <source>ClozeScope workspace (*.workspace.json)</source>
        <translation>ClozeScope 작업 공간 (*.workspace.json)</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="167"/>
        <source>&amp;Save workspace…</source>
        <translation>작업 공간 저장(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="168"/>
        <source>Save workspace</source>
        <translation>작업 공간 저장</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="175"/>
        <source>&amp;Reload</source>
        <translation>다시 읽기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="183"/>
        <source>F&amp;ollow a training run…</source>
        <translation>학습 실행 따라가기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="201"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="180"/>
        <source>&amp;Evaluate checkpoints…</source>
        <translation>체크포인트 평가(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="143"/>
        <source>&amp;Add folder…</source>
        <translation>폴더 추가(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="145"/>
        <source>Add results folder</source>
        <translation>결과 폴더 추가</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="153"/>
        <source>Results (%1);;All files (*)</source>
        <translation>결과 (%1);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="173"/>
        <source>Open re&amp;cent</source>
        <translation>최근 항목(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="187"/>
        <source>&amp;Probe…</source>
        <translation>프로브(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="192"/>
        <source>E&amp;xport</source>
        <translation>내보내기(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="193"/>
        <source>&amp;Charts (PNG, SVG, PDF)…</source>
        <translation>차트(&amp;C) (PNG, SVG, PDF)…</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="196"/>
        <source>&amp;Table (CSV, Markdown, LaTeX, JSON)…</source>
        <translation>표(&amp;T) (CSV, Markdown, LaTeX, JSON)…</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="198"/>
        <source>&amp;Report (Markdown, HTML)…</source>
        <translation>보고서(&amp;R) (Markdown, HTML)…</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="211"/>
        <source> Metric </source>
        <translation> 지표 </translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="216"/>
        <source>  x </source>
        <translation>  x축 </translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="219"/>
        <source>Epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="220"/>
        <source>Step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="223"/>
        <source>Export charts…</source>
        <translation>차트 내보내기…</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="232"/>
        <source>Small multiples</source>
        <translation>작은 다중 차트</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="251"/>
        <source>Runs</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="257"/>
        <source>Verdict</source>
        <translation>판정</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="281"/>
        <source>Checkpoints</source>
        <translation>체크포인트</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="282"/>
        <location filename="../../widgets/window/main_window.cpp" line="286"/>
        <source>Problems</source>
        <translation>문제</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="283"/>
        <source>Examples</source>
        <translation>예제</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="286"/>
        <source>Problems (%1)</source>
        <translation>문제 (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="288"/>
        <source>Table</source>
        <translation>표</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="308"/>
        <source>Reading…</source>
        <translation>읽는 중…</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="320"/>
        <source>Select a checkpoint evaluated by ClozeScope to see its examples.</source>
        <translation>ClozeScope로 평가한 체크포인트를 고르면 예제가 보입니다.</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="333"/>
        <source>%1: no per-example records (only ClozeScope&apos;s own evaluation writes them).</source>
        <translation>%1: 예제별 기록이 없습니다 (ClozeScope의 평가만 기록합니다).</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="357"/>
        <source>1 run</source>
        <translation>실행 1개</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="357"/>
        <source>%1 runs</source>
        <translation>실행 %1개</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="358"/>
        <source>1 file</source>
        <translation>파일 1개</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="358"/>
        <source>%1 files</source>
        <translation>파일 %1개</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="359"/>
        <source>1 problem</source>
        <translation>문제 1개</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="359"/>
        <source>%1 problems</source>
        <translation>문제 %1개</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="360"/>
        <source>ClozeScope — %1</source>
        <translation>ClozeScope — %1</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window.cpp" line="446"/>
        <source>Early stopping would stop now, at %1: %2.</source>
        <translation>조기 종료라면 지금 %1에서 멈춥니다: %2.</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window_files.cpp" line="62"/>
        <source>Wrote %1</source>
        <translation>%1에 썼습니다</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window_files.cpp" line="67"/>
        <source>Export charts</source>
        <translation>차트 내보내기</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window_files.cpp" line="67"/>
        <source>PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</source>
        <translation>PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window_files.cpp" line="73"/>
        <source>Export table</source>
        <translation>표 내보내기</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window_files.cpp" line="74"/>
        <source>CSV (*.csv);;Markdown (*.md);;LaTeX (*.tex);;JSON (*.json)</source>
        <translation>CSV (*.csv);;Markdown (*.md);;LaTeX (*.tex);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window_files.cpp" line="80"/>
        <source>Export report</source>
        <translation>보고서 내보내기</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window_files.cpp" line="80"/>
        <source>HTML (*.html);;Markdown (*.md)</source>
        <translation>HTML (*.html);;Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window_flips.cpp" line="63"/>
        <source>Flips since the previous checkpoint</source>
        <translation>이전 체크포인트 이후 바뀐 예제</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window_flips.cpp" line="64"/>
        <source>Flips since the peak</source>
        <translation>정점 이후 바뀐 예제</translation>
    </message>
    <message>
        <location filename="../../widgets/window/main_window_flips.cpp" line="82"/>
        <source>No flips: %1</source>
        <translation>바뀐 예제 없음: %1</translation>
    </message>
</context>
<context>
    <name>cs::MetricChart</name>
    <message>
        <location filename="../../widgets/charts/metric_chart.cpp" line="146"/>
        <source>Epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <location filename="../../widgets/charts/metric_chart.cpp" line="146"/>
        <source>Step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../../widgets/charts/metric_chart.cpp" line="167"/>
        <source>No epochs known: choose x = Step, or double-click a run&apos;s steps per epoch</source>
        <translation>에폭을 알 수 없습니다. x를 스텝으로 바꾸거나, 실행의 에폭당 스텝을 더블클릭해 입력하세요</translation>
    </message>
    <message>
        <location filename="../../widgets/charts/metric_chart.cpp" line="169"/>
        <source>No steps known: choose x = Epoch</source>
        <translation>스텝을 알 수 없습니다. x를 에폭으로 바꾸세요</translation>
    </message>
    <message>
        <location filename="../../widgets/charts/metric_chart.cpp" line="316"/>
        <source>Significant decline after the peak</source>
        <translation>정점 이후 유의한 하락</translation>
    </message>
    <message>
        <location filename="../../widgets/charts/metric_chart.cpp" line="317"/>
        <source>Decline after the peak (within noise)</source>
        <translation>정점 이후 하락 (잡음 범위 안)</translation>
    </message>
    <message>
        <location filename="../../widgets/charts/metric_chart.cpp" line="331"/>
        <source>%1 % interval</source>
        <translation>%1 % 신뢰구간</translation>
    </message>
    <message>
        <location filename="../../widgets/charts/metric_chart.cpp" line="221"/>
        <source>step %1, epoch %2</source>
        <translation>스텝 %1, 에폭 %2</translation>
    </message>
</context>
<context>
    <name>cs::ProbeDialog</name>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="37"/>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="85"/>
        <source>Probe</source>
        <translation>프로브</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="40"/>
        <source>Checkpoint or run folder</source>
        <translation>체크포인트 또는 학습 실행 폴더</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="42"/>
        <source>A sentence with one or more [MASK]</source>
        <translation>[MASK]가 하나 이상 있는 문장</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="43"/>
        <source>Text</source>
        <translation>문장</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="45"/>
        <source>Words to follow across checkpoints, comma-separated</source>
        <translation>체크포인트마다 확률을 볼 단어 (쉼표로 구분)</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="46"/>
        <source>Follow</source>
        <translation>추적할 단어</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="57"/>
        <source>whole text</source>
        <translation>문장 전체</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="58"/>
        <source>Cut a longer text around its last mask, as the evaluation does</source>
        <translation>더 긴 문장은 평가처럼 마지막 마스크 주위로 자릅니다</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="59"/>
        <source>Top k</source>
        <translation>상위 k</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="60"/>
        <source>Max length</source>
        <translation>최대 길이</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="61"/>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="62"/>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="75"/>
        <source>Followed words by epoch</source>
        <translation>에폭별 추적 단어 확률</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="100"/>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%3개 중 %2번째)</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="136"/>
        <source>A probe is running: cancel it or wait, then open the example again.</source>
        <translation>프로브가 실행 중입니다: 취소하거나 기다린 뒤 예제를 다시 여세요.</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="170"/>
        <source>Type a sentence with [MASK] where a word is hidden.</source>
        <translation>단어를 가린 자리에 [MASK]를 넣어 문장을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="188"/>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="196"/>
        <source>Stopping after the checkpoint in progress…</source>
        <translation>진행 중인 체크포인트가 끝나면 멈춥니다…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="214"/>
        <source>%n checkpoint(s) answered</source>
        <translation>
            <numerusform>체크포인트 %n개 응답</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="215"/>
        <source>; %n failed (first: %1)</source>
        <translation>
            <numerusform>; %n개 실패 (첫 번째: %1)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="217"/>
        <source>; stopped before the rest</source>
        <translation>; 나머지는 하기 전에 멈춤</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="218"/>
        <source>Not probed: %1</source>
        <translation>프로브하지 못함: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="235"/>
        <source>Epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="235"/>
        <source>Step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="235"/>
        <source>Checkpoint</source>
        <translation>체크포인트</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs/probe_dialog.cpp" line="238"/>
        <source>p</source>
        <translation>p</translation>
    </message>
</context>
<context>
    <name>cs::ProbeModel</name>
    <message>
        <location filename="../../widgets/models/probe_model.cpp" line="70"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../widgets/models/probe_model.cpp" line="91"/>
        <source>%1: p = %2, log p = %3, id %4</source>
        <translation>%1: p = %2, log p = %3, id %4</translation>
    </message>
    <message>
        <location filename="../../widgets/models/probe_model.cpp" line="128"/>
        <source>Checkpoint</source>
        <translation>체크포인트</translation>
    </message>
    <message>
        <location filename="../../widgets/models/probe_model.cpp" line="129"/>
        <source>Epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <location filename="../../widgets/models/probe_model.cpp" line="133"/>
        <source>Mask %1 #%2</source>
        <translation>마스크 %1 #%2</translation>
    </message>
    <message>
        <location filename="../../widgets/models/probe_model.cpp" line="136"/>
        <source>p(%1)</source>
        <translation>p(%1)</translation>
    </message>
</context>
<context>
    <name>cs::ProblemsModel</name>
    <message>
        <location filename="../../widgets/models/problems_model.cpp" line="35"/>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <location filename="../../widgets/models/problems_model.cpp" line="36"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../../widgets/models/problems_model.cpp" line="37"/>
        <source>Place</source>
        <translation>위치</translation>
    </message>
    <message>
        <location filename="../../widgets/models/problems_model.cpp" line="38"/>
        <source>Reason</source>
        <translation>이유</translation>
    </message>
    <message>
        <location filename="../../widgets/models/problems_model.cpp" line="66"/>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <location filename="../../widgets/models/problems_model.cpp" line="67"/>
        <source>warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <location filename="../../widgets/models/problems_model.cpp" line="68"/>
        <source>note</source>
        <translation>참고</translation>
    </message>
</context>
<context>
    <name>cs::RunsModel</name>
    <message>
        <location filename="../../widgets/models/runs_model.cpp" line="59"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../../widgets/models/runs_model.cpp" line="59"/>
        <source>Checkpoints</source>
        <translation>체크포인트</translation>
    </message>
    <message>
        <location filename="../../widgets/models/runs_model.cpp" line="59"/>
        <source>n per metric</source>
        <translation>지표별 n</translation>
    </message>
    <message>
        <location filename="../../widgets/models/runs_model.cpp" line="59"/>
        <source>Steps/epoch</source>
        <translation>에폭당 스텝</translation>
    </message>
    <message>
        <location filename="../../widgets/models/runs_model.cpp" line="74"/>
        <source>%1 tokens</source>
        <translation>%1 토큰</translation>
    </message>
    <message>
        <location filename="../../widgets/models/runs_model.cpp" line="74"/>
        <source>length unknown</source>
        <translation>길이 모름</translation>
    </message>
    <message>
        <location filename="../../widgets/models/runs_model.cpp" line="106"/>
        <source>Steps per epoch (double-click to set; remembered in the workspace)</source>
        <translation>에폭당 스텝 수 (두 번 클릭해 입력, 작업 공간에 저장됨)</translation>
    </message>
</context>
<context>
    <name>cs::VerdictPanel</name>
    <message>
        <location filename="../../widgets/panels/verdict_panel.cpp" line="36"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/verdict_panel.cpp" line="59"/>
        <source>Keep the best by</source>
        <translation>최고 체크포인트 기준</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/verdict_panel.cpp" line="60"/>
        <source>Early stopping on</source>
        <translation>조기 종료 기준 지표</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/verdict_panel.cpp" line="61"/>
        <source>Patience</source>
        <translation>인내(patience)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/verdict_panel.cpp" line="62"/>
        <source>Threshold</source>
        <translation>임계값</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/verdict_panel.cpp" line="63"/>
        <source>Significance level</source>
        <translation>유의수준</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/verdict_panel.cpp" line="64"/>
        <source>Composite score weights</source>
        <translation>종합 점수 가중치</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/verdict_panel.cpp" line="99"/>
        <source>Real@1, else score</source>
        <translation>Real@1, 없으면 종합 점수</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/verdict_panel.cpp" line="100"/>
        <source>the same metric</source>
        <translation>같은 지표</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/verdict_panel.cpp" line="149"/>
        <source>Early stopping (patience %1) never stops; best %2%3.</source>
        <translation>조기 종료(patience %1)는 멈추지 않습니다. 최고: %2%3.</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/verdict_panel.cpp" line="153"/>
        <source>Early stopping (patience %1) stops at %2 (epoch %3) and restores %4%5.</source>
        <translation>조기 종료(patience %1)는 %2(에폭 %3)에서 멈추고 %4을(를) 복원합니다%5.</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/verdict_panel.cpp" line="159"/>
        <source>Early stopping (patience %1) stops at %2 and restores %3%4.</source>
        <translation>조기 종료(patience %1)는 %2에서 멈추고 %3을(를) 복원합니다%4.</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/verdict_panel.cpp" line="168"/>
        <source>No run shown.</source>
        <translation>표시된 실행이 없습니다.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/gui/main.cpp" line="50"/>
        <source>Choose which masked-LM checkpoint to keep.</source>
        <translation>남길 마스크드 LM 체크포인트를 고릅니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="53"/>
        <source>Print the version, LibTorch&apos;s and the devices it sees, and exit.</source>
        <translation>버전, LibTorch 버전과 보이는 장치를 출력하고 끝냅니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="56"/>
        <source>Result files or folders to open.</source>
        <translation>열 결과 파일이나 폴더.</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="59"/>
        <source>Render the curves to FILE (.png, .svg, .pdf) and exit.</source>
        <translation>곡선을 FILE(.png, .svg, .pdf)로 그리고 끝냅니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="62"/>
        <source>Metric to draw (default: small multiples).</source>
        <translation>그릴 지표 (기본: 작은 다중 차트).</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="64"/>
        <source>x axis: epoch or step.</source>
        <translation>x축: epoch 또는 step.</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="67"/>
        <source>Time chart redraws of 50 runs × 20 checkpoints and exit.</source>
        <translation>실행 50개 × 체크포인트 20개의 차트 다시 그리기 시간을 재고 끝냅니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="70"/>
        <source>Open the Evaluate dialog on the run folder given as PATH.</source>
        <translation>PATH로 지정한 학습 실행 폴더에 대해 평가 대화상자를 엽니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="73"/>
        <source>Open the Probe on the run or checkpoint folder given as PATH.</source>
        <translation>PATH로 준 학습 실행 폴더나 체크포인트 폴더에서 프로브를 엽니다.</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="112"/>
        <source>Metric aliases</source>
        <translation>지표 별칭</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="113"/>
        <source>Your metric aliases were not read: %1</source>
        <translation>지표 별칭을 읽지 못했습니다: %1</translation>
    </message>
</context>
</TS>
