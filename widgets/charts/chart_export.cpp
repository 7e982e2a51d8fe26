// SPDX-License-Identifier: MIT
#include "charts/chart_export.h"

#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

namespace cs {

QString exportWidget(QWidget *widget, const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QSize size = widget->size();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QObject::tr("%1: cannot write (%2)").arg(path, file.errorString());
    if (suffix == "svg") {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(QObject::tr("ClozeScope curves"));
        QPainter painter(&svg);
        widget->render(&painter);
    } else if (suffix == "pdf") {
        QPdfWriter pdf(&file);
        pdf.setTitle(QObject::tr("ClozeScope curves"));
        pdf.setPageSize(QPageSize(QSizeF(size) * 0.75, QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(96);
        QPainter painter(&pdf);
        widget->render(&painter);
    } else if (suffix == "png") {
        QImage image(size * 2, QImage::Format_ARGB32);
        image.setDevicePixelRatio(2);
        image.fill(Qt::white);
        QPainter painter(&image);
        widget->render(&painter);
        painter.end();
        if (!image.save(&file, "PNG")) return QObject::tr("%1: PNG encoding failed").arg(path);
    } else {
        file.cancelWriting();
        return QObject::tr("%1: unknown image format \"%2\" (png, svg or pdf)").arg(path, suffix);
    }
    if (!file.commit()) return QObject::tr("%1: cannot write (%2)").arg(path, file.errorString());
    return {};
}

} // namespace cs
