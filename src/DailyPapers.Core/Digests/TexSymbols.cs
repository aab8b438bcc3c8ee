using System.Collections.Frozen;

namespace DailyPapers.Core.Digests;

/// <summary>The TeX commands <see cref="MathText"/> knows, and the Unicode super- and subscripts it uses.</summary>
internal static class TexSymbols
{
    /// <summary>Letters and ordinary symbols: written without spaces around them (2\pi r → 2πr).</summary>
    public static readonly FrozenDictionary<string, string> Ordinary = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["alpha"] = "α",
        ["beta"] = "β",
        ["gamma"] = "γ",
        ["delta"] = "δ",
        ["epsilon"] = "ε",
        ["varepsilon"] = "ε",
        ["zeta"] = "ζ",
        ["eta"] = "η",
        ["theta"] = "θ",
        ["vartheta"] = "ϑ",
        ["iota"] = "ι",
        ["kappa"] = "κ",
        ["lambda"] = "λ",
        ["mu"] = "μ",
        ["nu"] = "ν",
        ["xi"] = "ξ",
        ["pi"] = "π",
        ["varpi"] = "ϖ",
        ["rho"] = "ρ",
        ["varrho"] = "ϱ",
        ["sigma"] = "σ",
        ["varsigma"] = "ς",
        ["tau"] = "τ",
        ["upsilon"] = "υ",
        ["phi"] = "φ",
        ["varphi"] = "φ",
        ["chi"] = "χ",
        ["psi"] = "ψ",
        ["omega"] = "ω",
        ["Gamma"] = "Γ",
        ["Delta"] = "Δ",
        ["Theta"] = "Θ",
        ["Lambda"] = "Λ",
        ["Xi"] = "Ξ",
        ["Pi"] = "Π",
        ["Sigma"] = "Σ",
        ["Upsilon"] = "Υ",
        ["Phi"] = "Φ",
        ["Psi"] = "Ψ",
        ["Omega"] = "Ω",
        ["ell"] = "ℓ",
        ["hbar"] = "ℏ",
        ["imath"] = "ı",
        ["jmath"] = "ȷ",
        ["aleph"] = "ℵ",
        ["Re"] = "ℜ",
        ["Im"] = "ℑ",
        ["infty"] = "∞",
        ["partial"] = "∂",
        ["nabla"] = "∇",
        ["forall"] = "∀",
        ["exists"] = "∃",
        ["neg"] = "¬",
        ["lnot"] = "¬",
        ["emptyset"] = "∅",
        ["varnothing"] = "∅",
        ["prime"] = "′",
        ["top"] = "⊤",
        ["bot"] = "⊥",
        ["sum"] = "∑",
        ["prod"] = "∏",
        ["int"] = "∫",
        ["oint"] = "∮",
        ["sim"] = "~",
        ["ast"] = "*",
        ["star"] = "⋆",
        ["dagger"] = "†",
        ["circ"] = "∘",
        ["bullet"] = "•",
        ["dots"] = "…",
        ["ldots"] = "…",
        ["cdots"] = "⋯",
        ["vdots"] = "⋮",
        ["ddots"] = "⋱",
        ["langle"] = "⟨",
        ["rangle"] = "⟩",
        ["lceil"] = "⌈",
        ["rceil"] = "⌉",
        ["lfloor"] = "⌊",
        ["rfloor"] = "⌋",
        ["lbrace"] = "{",
        ["rbrace"] = "}",
        ["lvert"] = "|",
        ["rvert"] = "|",
        ["vert"] = "|",
        ["mid"] = "|",
        ["lVert"] = "‖",
        ["rVert"] = "‖",
        ["Vert"] = "‖",
        ["backslash"] = "\\",
        ["degree"] = "°",
        ["checkmark"] = "✓",
        ["S"] = "§",
        ["P"] = "¶",
        ["copyright"] = "©",
        ["textbackslash"] = "\\",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Relations, arrows and binary operators: written with a space either side (a\leq b → a ≤ b).</summary>
    public static readonly FrozenDictionary<string, string> Operators = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["leq"] = "≤",
        ["le"] = "≤",
        ["leqslant"] = "≤",
        ["geq"] = "≥",
        ["ge"] = "≥",
        ["geqslant"] = "≥",
        ["neq"] = "≠",
        ["ne"] = "≠",
        ["approx"] = "≈",
        ["simeq"] = "≃",
        ["cong"] = "≅",
        ["equiv"] = "≡",
        ["propto"] = "∝",
        ["ll"] = "≪",
        ["gg"] = "≫",
        ["prec"] = "≺",
        ["succ"] = "≻",
        ["preceq"] = "⪯",
        ["succeq"] = "⪰",
        ["times"] = "×",
        ["cdot"] = "·",
        ["div"] = "÷",
        ["pm"] = "±",
        ["mp"] = "∓",
        ["oplus"] = "⊕",
        ["otimes"] = "⊗",
        ["odot"] = "⊙",
        ["wedge"] = "∧",
        ["land"] = "∧",
        ["vee"] = "∨",
        ["lor"] = "∨",
        ["cup"] = "∪",
        ["cap"] = "∩",
        ["setminus"] = "∖",
        ["in"] = "∈",
        ["notin"] = "∉",
        ["ni"] = "∋",
        ["subset"] = "⊂",
        ["subseteq"] = "⊆",
        ["supset"] = "⊃",
        ["supseteq"] = "⊇",
        ["to"] = "→",
        ["rightarrow"] = "→",
        ["longrightarrow"] = "⟶",
        ["leftarrow"] = "←",
        ["gets"] = "←",
        ["longleftarrow"] = "⟵",
        ["leftrightarrow"] = "↔",
        ["Rightarrow"] = "⇒",
        ["implies"] = "⇒",
        ["Longrightarrow"] = "⟹",
        ["Leftarrow"] = "⇐",
        ["Leftrightarrow"] = "⇔",
        ["iff"] = "⇔",
        ["mapsto"] = "↦",
        ["uparrow"] = "↑",
        ["downarrow"] = "↓",
        ["perp"] = "⊥",
        ["parallel"] = "∥",
        ["models"] = "⊨",
        ["vdash"] = "⊢",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Letters written as a command in text (arXiv names and abstracts): S\o ren → Søren.</summary>
    public static readonly FrozenSet<string> TextLetters =
        new[] { "o", "O", "l", "L", "ss", "ae", "AE", "aa", "AA", "i", "oe", "OE" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Accents named by a letter (\v{s}, \c c); the others are punctuation (\'e, \"o).</summary>
    public static readonly FrozenSet<string> LetterAccents =
        new[] { "u", "v", "H", "c", "k", "r" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Font and box commands whose one argument is shown as it is (\mathbf{x} → x).</summary>
    public static readonly FrozenSet<string> MathFonts = new[]
    {
        "mathbf", "mathrm", "mathit", "mathsf", "mathtt", "mathcal", "mathscr", "mathfrak", "mathnormal",
        "boldsymbol", "bm", "pmb", "underline", "mathring",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Commands whose argument is text even inside math (\text{ if } keeps its spaces).</summary>
    public static readonly FrozenSet<string> TextFonts = new[]
    {
        "text", "textrm", "textbf", "textit", "textsf", "texttt", "textsc", "textup", "textmd", "textnormal",
        "emph", "mbox", "hbox", "textsl",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Math accents, as combining marks put on a single letter (\hat{x} → x̂); on more, only the argument.</summary>
    public static readonly FrozenDictionary<string, char> MathAccents = new Dictionary<string, char>(StringComparer.Ordinal)
    {
        ["hat"] = '\u0302',
        ["widehat"] = '\u0302',
        ["bar"] = '\u0304',
        ["overline"] = '\u0304',
        ["tilde"] = '\u0303',
        ["widetilde"] = '\u0303',
        ["dot"] = '\u0307',
        ["ddot"] = '\u0308',
        ["check"] = '\u030C',
        ["breve"] = '\u0306',
        ["acute"] = '\u0301',
        ["grave"] = '\u0300',
        ["vec"] = '\u20D7',
        ["overrightarrow"] = '\u20D7',
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Sizing and style commands that print nothing (\left( → ().</summary>
    public static readonly FrozenSet<string> Invisible = new[]
    {
        "left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr",
        "Biggl", "Biggr", "bigm", "Bigm", "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle", "limits",
        "nolimits", "nonumber", "notag", "noindent", "centering", "normalsize", "small", "footnotesize", "large",
        "Large", "relax", "protect", "boldmath", "unboldmath", "allowbreak", "newline", "linebreak",
        "em", "bf", "it", "rm", "sf", "tt", "sc", "sl", "itshape", "bfseries", "rmfamily", "ttfamily", "upshape",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Commands whose one argument is not shown (\label{eq:1}).</summary>
    public static readonly FrozenSet<string> Hidden = new[]
    {
        "label", "begin", "end", "vspace", "hspace", "phantom", "hphantom", "vphantom", "footnote", "thanks",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Blackboard bold letters that have their own character (\mathbb{R} → ℝ).</summary>
    public static readonly FrozenDictionary<string, string> Blackboard = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["R"] = "ℝ",
        ["N"] = "ℕ",
        ["Z"] = "ℤ",
        ["Q"] = "ℚ",
        ["C"] = "ℂ",
        ["P"] = "ℙ",
        ["E"] = "𝔼",
        ["H"] = "ℍ",
        ["1"] = "𝟙",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Only characters whose super- or subscript form is common in fonts: digits, signs and brackets, and the letters
    // that math writes there most (xⁿ, Aᵀ, xᵢⱼ).
    private const string SuperscriptFrom = "0123456789+-−=()inT⊤";
    private const string SuperscriptTo = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁱⁿᵀᵀ";
    private const string SubscriptFrom = "0123456789+-−=()aehijklmnoprstuvx";
    private const string SubscriptTo = "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ";

    public static bool IsScript(char c) => SuperscriptTo.Contains(c, StringComparison.Ordinal) || SubscriptTo.Contains(c, StringComparison.Ordinal);

    /// <summary>The text in Unicode super- or subscript characters, or null when one of them has none.</summary>
    public static string? Script(string text, bool superscript)
    {
        var from = superscript ? SuperscriptFrom : SubscriptFrom;
        var to = superscript ? SuperscriptTo : SubscriptTo;
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var at = from.IndexOf(text[i], StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            chars[i] = to[at];
        }

        return new string(chars);
    }
}
