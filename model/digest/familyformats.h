#pragma once

#include "keyedformat.h"

namespace hanji {

// "Daily arXiv digest" by category, in English: "# 2025-07-16", "## cs.HC [[Back]](#toc)",
// papers "### [1] [Title](https://arxiv.org/abs/…)", an italic author line, keyed fields
// (Main category, Keywords, Relevance Score, TL;DR, Read time, and inside <details> the
// Motivation, Method, Key Contributions, Result, Limitations, Conclusion, Abstract).
class ArxivDigestFormat final : public KeyedDigestFormat
{
public:
    [[nodiscard]] QStringView name() const override { return u"arxiv-digest"; }
    [[nodiscard]] QStringView label() const override { return u"Daily arXiv digest (by category)"; }
    [[nodiscard]] bool recognises(QStringView heading) const override;
    [[nodiscard]] QString storedEntryPrefix(QDate date) const override;
    [[nodiscard]] HeadingMeaning interpretHeading(QStringView heading) const override;
    [[nodiscard]] bool readLine(QStringView line, DigestEntry &paper) const override;
    void placeField(DigestEntry &paper, const QString &key, const QString &text) const override;
};

// The Hugging Face daily newsletter in Chinese: "# <img …/> Hugging Face 2025-01-23 论文日报",
// papers "### 1. <Chinese title>" with "**原文标题：**" (the original title, perhaps wrapped),
// "**摘要：**" and the summary below it, "**论文链接：** [HuggingFace](…) | [arXiv](…)".
class HfNewsletterChineseFormat final : public KeyedDigestFormat
{
public:
    [[nodiscard]] QStringView name() const override { return u"hf-newsletter-zh"; }
    [[nodiscard]] QStringView label() const override { return u"Hugging Face daily newsletter (Chinese)"; }
    [[nodiscard]] bool recognises(QStringView heading) const override;
    [[nodiscard]] QString storedEntryPrefix(QDate date) const override;
    [[nodiscard]] HeadingMeaning interpretHeading(QStringView heading) const override;
    void placeField(DigestEntry &paper, const QString &key, const QString &text) const override;
};

// Hugging Face daily papers in Korean, by arXiv id: "# 📰 Hugging Face Daily Papers – 2025-05-14",
// papers "## 2505.07062" (no title), "🔗 https://huggingface.co/papers/…", "**Summary**:" and
// free text, sometimes inside a fenced block with headings of its own.
class HfPapersKoreanFormat final : public KeyedDigestFormat
{
public:
    [[nodiscard]] QStringView name() const override { return u"hf-papers-ko"; }
    [[nodiscard]] QStringView label() const override { return u"Hugging Face daily papers by arXiv id (Korean)"; }
    [[nodiscard]] bool recognises(QStringView heading) const override;
    [[nodiscard]] QString storedEntryPrefix(QDate date) const override;
    [[nodiscard]] HeadingMeaning interpretHeading(QStringView heading) const override;
    [[nodiscard]] bool readLine(QStringView line, DigestEntry &paper) const override;
};

} // namespace hanji
