// SPDX-License-Identifier: MIT
#include "panels/verdict_panel.h"

#include "models/session.h"
#include "report/format.h"
#include "report/report_builder.h"
#include "window/interface_language.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QSpinBox>
#include <QTextDocument>
#include <QVBoxLayout>

namespace cs {

VerdictPanel::VerdictPanel(Session *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    m_verdict = new QLabel(this);
    m_verdict->setObjectName("verdictText");
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::RichText);
    m_verdict->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_verdict);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll, 1);

    auto *box = new QGroupBox(tr("Settings"), this);
    auto *form = new QFormLayout(box);
    m_criterion = new QComboBox(box);
    m_criterion->setObjectName("criterionCombo");
    m_earlyStopMetric = new QComboBox(box);
    m_earlyStopMetric->setObjectName("earlyStopMetricCombo");
    m_patience = new QSpinBox(box);
    m_patience->setObjectName("patienceSpin");
    m_patience->setRange(1, 1000);
    m_threshold = new QDoubleSpinBox(box);
    m_threshold->setObjectName("thresholdSpin");
    m_threshold->setDecimals(4);
    m_threshold->setSingleStep(0.001);
    m_threshold->setRange(0, 1e6);
    m_alpha = new QDoubleSpinBox(box);
    m_alpha->setObjectName("alphaSpin");
    m_alpha->setDecimals(4);
    m_alpha->setSingleStep(0.01);
    m_alpha->setRange(0.0001, 0.5);
    for (QAbstractSpinBox *box :
         {static_cast<QAbstractSpinBox *>(m_patience), static_cast<QAbstractSpinBox *>(m_threshold),
          static_cast<QAbstractSpinBox *>(m_alpha)})
        box->setKeyboardTracking(false); // re-analyse when a value is complete, not per keystroke
    form->addRow(tr("Keep the best by"), m_criterion);
    form->addRow(tr("Early stopping on"), m_earlyStopMetric);
    form->addRow(tr("Patience"), m_patience);
    form->addRow(tr("Threshold"), m_threshold);
    form->addRow(tr("Significance level"), m_alpha);
    auto *weights = new QGroupBox(tr("Composite score weights"), box);
    m_weightsForm = new QFormLayout(weights);
    form->addRow(weights);
    layout->addWidget(box);

    for (QComboBox *c : {m_criterion, m_earlyStopMetric})
        connect(c, &QComboBox::currentIndexChanged, this, &VerdictPanel::apply);
    connect(m_patience, &QSpinBox::valueChanged, this, &VerdictPanel::apply);
    for (QDoubleSpinBox *s : {m_threshold, m_alpha})
        connect(s, &QDoubleSpinBox::valueChanged, this, &VerdictPanel::apply);
    connect(session, &Session::changed, this, &VerdictPanel::refresh);
    connect(session, &Session::visibilityChanged, this, &VerdictPanel::refresh);
    refresh();
}

QString VerdictPanel::verdictText() const
{
    QTextDocument doc;
    doc.setHtml(m_verdict->text());
    return doc.toPlainText();
}

void VerdictPanel::refresh()
{
    m_updating = true;
    const AnalysisSettings &s = m_session->settings();
    const QStringList metrics = m_session->metrics();
    auto fill = [&](QComboBox *c, const QString &current, const QString &firstLabel) {
        c->clear();
        c->addItem(firstLabel, QString());
        for (const QString &m : metrics)
            c->addItem(QString::fromStdString(metricLabel(m.toStdString(), interfaceLanguage())),
                       m);
        c->setCurrentIndex(std::max(0, c->findData(current)));
    };
    fill(m_criterion, QString::fromStdString(s.criterion), tr("Real@1, else score"));
    fill(m_earlyStopMetric, QString::fromStdString(s.earlyStop.metric), tr("the same metric"));
    m_patience->setValue(s.earlyStop.patience);
    m_threshold->setValue(s.earlyStop.threshold);
    m_alpha->setValue(s.alpha);
    QStringList wanted, shown;
    for (const auto &[metric, w] : s.weights)
        wanted << QString::fromStdString(metric);
    for (QDoubleSpinBox *w : m_weights)
        shown << w->property("metric").toString();
    if (wanted ==
        shown) { // the usual case: values only, no widget is deleted inside its own signal
        for (QDoubleSpinBox *w : m_weights)
            w->setValue(s.weights.at(w->property("metric").toString().toStdString()));
        wanted.clear();
    } else {
        while (m_weightsForm->rowCount() > 0)
            m_weightsForm->removeRow(0);
        m_weights.clear();
    }
    for (const auto &[metric, w] : s.weights) {
        if (!wanted.contains(QString::fromStdString(metric))) continue;
        auto *spin = new QDoubleSpinBox;
        spin->setObjectName("weight:" + QString::fromStdString(metric));
        spin->setRange(0, 10);
        spin->setDecimals(3);
        spin->setKeyboardTracking(false);
        spin->setSingleStep(0.05);
        spin->setValue(w);
        spin->setProperty("metric", QString::fromStdString(metric));
        connect(spin, &QDoubleSpinBox::valueChanged, this, &VerdictPanel::apply);
        m_weightsForm->addRow(QString::fromStdString(metric), spin);
        m_weights << spin;
    }

    QString html;
    const auto &runs = m_session->results().runs;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (!m_session->isRunVisible(QString::fromStdString(runs[i].key()))) continue;
        const RunAnalysis &ra = m_session->analysed().analyses[i];
        html += "<p><span style='color:" + m_session->runColour(int(i)).name() + "'>■</span> " +
                QString::fromStdString(recommendation(runs[i], ra, s, interfaceLanguage()))
                    .toHtmlEscaped();
        if (ra.earlyStop) {
            const auto &es = *ra.earlyStop;
            const Checkpoint &stop = runs[i].checkpoints[es.stopAt],
                             &best = runs[i].checkpoints[es.restored];
            const QString tie = QString::fromStdString(
                earlyStopTieNote(runs[i], ra, interfaceLanguage())); // the score broke a tie
            html += "<br><i>" +
                    (!es.stopped ? tr("Early stopping (patience %1) never stops; best %2%3.")
                                       .arg(s.earlyStop.patience)
                                       .arg(QString::fromStdString(best.name), tie)
                     : stop.epoch
                         ? tr("Early stopping (patience %1) stops at %2 (epoch %3) and restores "
                              "%4%5.")
                               .arg(s.earlyStop.patience)
                               .arg(QString::fromStdString(stop.name),
                                    QString::fromStdString(fmt::epoch(stop.epoch)),
                                    QString::fromStdString(best.name), tie)
                         : tr("Early stopping (patience %1) stops at %2 and restores %3%4.")
                               .arg(s.earlyStop.patience)
                               .arg(QString::fromStdString(stop.name),
                                    QString::fromStdString(best.name), tie))
                        .toHtmlEscaped() +
                    "</i>";
        }
        html += "</p>";
    }
    m_verdict->setText(html.isEmpty() ? tr("No run shown.") : html);
    m_updating = false;
}

void VerdictPanel::apply()
{
    // Only the setting that was edited changes: the others keep their exact values even where
    // a spin box would round them.
    if (m_updating) return;
    AnalysisSettings s = m_session->settings();
    QObject *from = sender();
    if (from == m_criterion)
        s.criterion = m_criterion->currentData().toString().toStdString();
    else if (from == m_earlyStopMetric)
        s.earlyStop.metric = m_earlyStopMetric->currentData().toString().toStdString();
    else if (from == m_patience)
        s.earlyStop.patience = m_patience->value();
    else if (from == m_threshold)
        s.earlyStop.threshold = m_threshold->value();
    else if (from == m_alpha)
        s.alpha = m_alpha->value();
    else if (auto *w = qobject_cast<QDoubleSpinBox *>(from); w && m_weights.contains(w))
        s.weights[w->property("metric").toString().toStdString()] = w->value();
    else
        return;
    m_session->setSettings(s);
}

} // namespace cs
