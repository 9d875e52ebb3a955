"""Makes the binary sample files in this folder (run by hand; the outputs are committed):
briefing.pdf with reportlab, interview.docx with python-docx.  The text formats were written by hand."""

from pathlib import Path

HERE = Path(__file__).resolve().parent


def pdf() -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pages = [
        ["Press briefing on grain exports", "",
         "MS. OKAFOR: Good morning. The corridor reopened on Monday and forty ships",
         "have left port since then.", "",
         "QUESTION: Will the insurance costs come down for shippers?"],
        ["MS. OKAFOR: Insurers have cut war-risk premiums by a third this month,",
         "and we expect a further cut once the inspections speed up.", "",
         "QUESTION: And the fertilizer shipments?", "",
         "MS. OKAFOR: Ammonia exports resume next week under the same inspection regime."],
    ]
    c = canvas.Canvas(str(HERE / "briefing.pdf"), pagesize=A4)
    for lines in pages:
        y = 800
        for line in lines:
            c.drawString(60, y, line)
            y -= 18
        c.showPage()
    c.save()


def docx() -> None:
    import docx

    document = docx.Document()
    document.add_heading("Interview with the harbour master", level=1)
    document.add_paragraph("Recorded at the port authority, 14 June.")
    for name, words in [
        ("Lena Fischer", "How has the new dredging schedule changed traffic in the harbour?"),
        ("Marco Bellini", "Container ships can now enter at low tide, so waiting times fell from nine hours to two."),
        ("Lena Fischer", "What about the fishing fleet?"),
        ("Marco Bellini", "The fishing fleet keeps its own berths on the north quay; nothing changes for them."),
    ]:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{name}:").bold = True
        paragraph.add_run(f" {words}")
    document.save(HERE / "interview.docx")


if __name__ == "__main__":
    pdf()
    docx()
