namespace Roadmap.Core.Plans;

/// <summary>The file formats a plan arrives in.</summary>
public enum PlanFormat
{
    /// <summary>Plain UTF-8 text, as the seeds keep the plans.</summary>
    Text,
    /// <summary>Markdown: read as text; the quote fold drops its emphasis marks.</summary>
    Markdown,
    /// <summary>A web page as a browser saves it: the text of its body, a line per block, without scripts and styles.</summary>
    Html,
    /// <summary>A Word document: its paragraphs, and its tables a row per line.</summary>
    Docx,
    /// <summary>A PDF with a text layer: its pages' text in reading order. A scanned PDF has none and is refused.</summary>
    Pdf,
}
