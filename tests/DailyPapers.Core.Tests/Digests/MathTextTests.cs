using DailyPapers.Core.Digests;

namespace DailyPapers.Core.Tests.Digests;

public class MathTextTests
{
    [Theory]
    [InlineData("$\\alpha^2 + \\beta_i$", "α² + βᵢ")]
    [InlineData("$x^{-1}$", "x⁻¹")]
    [InlineData("$10^{-3}$", "10⁻³")]
    [InlineData("$O(n^2)$", "O(n²)")]
    [InlineData("$x_{t-1}$", "xₜ₋₁")]
    [InlineData("$W_{ij}$", "Wᵢⱼ")]
    [InlineData("$A^T$", "Aᵀ")]
    [InlineData("$A^\\top$", "Aᵀ")]
    [InlineData("$x^*$", "x*")]
    [InlineData("$f^\\prime$", "f′")]
    public void Readable_ScriptWithUnicodeForm_UsesIt(string tex, string expected) =>
        Assert.Equal(expected, MathText.Readable(tex));

    [Theory]
    [InlineData("$e^{i\\pi}$", "e^(iπ)")]
    [InlineData("$x^{k}$", "x^k")]
    [InlineData("$x_{\\max}$", "x_max")]
    [InlineData("$x_{\\text{train}}$", "x_train")]
    [InlineData("$L_{\\text{CE}}$", "L_CE")]
    [InlineData("$\\theta_{\\phi}$", "θ_φ")]
    [InlineData("$x^{(t)}$", "x^(t)")]
    [InlineData("$p_{k, l}$", "p_(k, l)")]
    public void Readable_ScriptWithoutUnicodeForm_KeepsTheMark(string tex, string expected) =>
        Assert.Equal(expected, MathText.Readable(tex));

    [Theory]
    [InlineData("$\\alpha\\beta\\gamma\\delta\\epsilon\\theta\\lambda\\mu\\pi\\sigma\\tau\\phi\\omega$", "αβγδεθλμπστφω")]
    [InlineData("$\\Gamma \\Delta \\Theta \\Lambda \\Sigma \\Phi \\Psi \\Omega$", "ΓΔΘΛΣΦΨΩ")]
    [InlineData("$\\varepsilon$-greedy", "ε-greedy")]
    [InlineData("$2\\pi r$", "2πr")]
    [InlineData("$\\ell_1$", "ℓ₁")]
    public void Readable_GreekLetters_AreUnicode(string tex, string expected) =>
        Assert.Equal(expected, MathText.Readable(tex));

    [Theory]
    [InlineData("$a \\leq b$", "a ≤ b")]
    [InlineData("$a\\geq b$", "a ≥ b")]
    [InlineData("$n\\times m$", "n × m")]
    [InlineData("$a \\cdot b$", "a · b")]
    [InlineData("$n \\to \\infty$", "n → ∞")]
    [InlineData("$x \\in \\mathbb{R}^d$", "x ∈ ℝ^d")]
    [InlineData("a 3$\\times$ speed-up", "a 3× speed-up")]
    [InlineData("$\\sim$10% fewer", "~10% fewer")]
    public void Readable_Operators_AreUnicodeWithSpaces(string tex, string expected) =>
        Assert.Equal(expected, MathText.Readable(tex));

    [Theory]
    [InlineData("$\\mathbf{x}$", "x")]
    [InlineData("$\\mathcal{O}(n \\log n)$", "O(n log n)")]
    [InlineData("$n\\log n$", "n log n")]
    [InlineData("$\\boldsymbol{\\theta}$", "θ")]
    [InlineData("$\\hat{y}$", "ŷ")]
    [InlineData("$\\bar{x}$", "x̄")]
    [InlineData("$\\operatorname*{argmax}_x f$", "argmaxₓ f")]
    [InlineData("$x \\text{ if } y$", "x if y")]
    public void Readable_FontsAndFunctions_ShowTheirArgument(string tex, string expected) =>
        Assert.Equal(expected, MathText.Readable(tex));

    [Theory]
    [InlineData("$\\frac{a}{b}$", "a/b")]
    [InlineData("$\\frac12$", "1/2")]
    [InlineData("$\\frac{a+b}{2}$", "(a+b)/2")]
    [InlineData("$\\frac{\\partial L}{\\partial w}$", "∂L/∂w")]
    [InlineData("$\\sqrt{x}$", "√x")]
    [InlineData("$\\sqrt{d_k}$", "√dₖ")]
    [InlineData("$\\sqrt{x+1}$", "√(x+1)")]
    [InlineData("$\\sqrt{dT}$", "√(dT)")]
    [InlineData("$\\sqrt{10}$", "√10")]
    [InlineData("$\\sqrt[3]{x}$", "³√x")]
    [InlineData("$O(1/\\sqrt{T})$", "O(1/√T)")]
    [InlineData("$\\binom{n}{k}$", "C(n, k)")]
    public void Readable_FractionsAndRoots_AreInline(string tex, string expected) =>
        Assert.Equal(expected, MathText.Readable(tex));

    [Theory]
    [InlineData("$$E = mc^2$$", "E = mc²")]
    [InlineData("\\(x^2\\)", "x²")]
    [InlineData("\\[x^2\\]", "x²")]
    [InlineData("in $ \\mathbb{R} $ only", "in ℝ only")]
    [InlineData("$\\left( x \\right)$", "( x )")]
    [InlineData("$\\left\\{ x \\right.$", "{ x")]
    public void Readable_Delimiters_AreDropped(string tex, string expected) =>
        Assert.Equal(expected, MathText.Readable(tex));

    [Theory]
    [InlineData("$\\foo{x}$", "foox")]
    [InlineData("\\LaTeX\\ and \\TeX", "LaTeX and TeX")]
    [InlineData("$\\weirdcommand + 1$", "weirdcommand + 1")]
    public void Readable_UnknownCommand_LosesItsBackslash(string tex, string expected) =>
        Assert.Equal(expected, MathText.Readable(tex));

    [Theory]
    [InlineData("Sch\\\"olkopf and Erd\\H{o}s", "Schölkopf and Erdős")]
    [InlineData("S\\o ren", "Søren")]
    [InlineData("50\\% fewer \\& faster", "50% fewer & faster")]
    [InlineData("a {\\em simple} model", "a simple model")]
    [InlineData("see \\url{https://github.com/a_b/c}", "see https://github.com/a_b/c")]
    [InlineData("\\href{https://x.org/a_b}{code}", "code (https://x.org/a_b)")]
    public void Readable_TextCommands_BecomeText(string tex, string expected) =>
        Assert.Equal(expected, MathText.Readable(tex));

    [Theory]
    [InlineData("Attention Is All You Need")]
    [InlineData("snake_case and x^2 outside math")]
    [InlineData("costs ~10% less")]
    [InlineData("Ünïcödé — 日本語 ✓")]
    [InlineData("")]
    public void Readable_TextWithoutTeX_IsUnchanged(string text) =>
        Assert.Equal(text, MathText.Readable(text));

    [Theory]
    [InlineData("$", "$")]
    [InlineData("$$", "$$")]
    [InlineData("costs $5", "costs $5")]
    [InlineData("\\", "")]
    [InlineData("{", "")]
    [InlineData("}", "")]
    [InlineData("$x^$", "x")]
    [InlineData("$_$", "")]
    [InlineData("$\\frac{$", "/")]
    [InlineData("$\\sqrt$", "√")]
    [InlineData("\\(x", "(x")]
    [InlineData("$\\mathbf{x$", "x")]
    [InlineData("\\'", "")]
    public void Readable_BrokenTeX_GivesSomethingReadable(string tex, string expected) =>
        Assert.Equal(expected, MathText.Readable(tex));

    [Fact]
    public void Readable_DeepNesting_DoesNotOverflowTheStack()
    {
        var deep = "$" + new string('{', 100_000) + "x" + new string('}', 100_000) + "$";
        var chain = "$" + string.Concat(Enumerable.Repeat("\\sqrt", 100_000)) + " x$";
        var scripts = "$x" + string.Concat(Enumerable.Repeat("^{", 50_000)) + "2$";

        Assert.Equal("x", MathText.Readable(deep));
        Assert.EndsWith("x", MathText.Readable(chain), StringComparison.Ordinal);
        Assert.StartsWith("x", MathText.Readable(scripts), StringComparison.Ordinal);
    }

    [Fact]
    public void Readable_ManyUnclosedDelimiters_StaysFast()
    {
        var text = string.Concat(Enumerable.Repeat("\\( $$ { ", 30_000));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        _ = MathText.Readable(text);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Readable_RandomTeXishInput_NeverThrows()
    {
        const string alphabet = "\\${}^_[]()~ 'ax1\"=.&%#";
        string[] words = ["\\frac", "\\sqrt", "\\left", "\\right", "\\text", "\\mathbb", "\\href", "\\url", "\\alpha", "\\v", "\\c", "\\(", "\\)", "\\[", "\\]", "$$"];
        var random = new Random(5);
        for (var i = 0; i < 50_000; i++)
        {
            var chars = new System.Text.StringBuilder();
            var length = random.Next(0, 24);
            for (var j = 0; j < length; j++)
            {
                chars.Append(random.Next(4) == 0 ? words[random.Next(words.Length)] : alphabet[random.Next(alphabet.Length)].ToString());
            }

            var text = chars.ToString();
            var exception = Record.Exception(() => MathText.Readable(text));
            Assert.True(exception is null, $"{text}: {exception}");
        }
    }
}
