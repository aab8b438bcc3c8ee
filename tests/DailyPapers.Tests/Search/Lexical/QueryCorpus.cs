using DailyPapers.Core.Papers;

namespace DailyPapers.Tests.Search.Lexical;

/// <summary>A few hand-made papers, indexed once per test class, whose fields the query tests rely on.</summary>
public sealed class QueryCorpus : IAsyncLifetime
{
    public const string Attention = "2501.00001";
    public const string NeuralAttention = "2501.00002";
    public const string DiffusionBeatsGans = "2501.00003";
    public const string Ddpm = "2501.00004";
    public const string Quantum = "2501.00005";
    public const string StopWords = "2501.00006";
    public const string HintonDiagrams = "2501.00007";
    public const string Unsafe = "2501.00008";

    public LexicalTestbed Bed { get; private set; } = null!;

    public static IEnumerable<PaperItem> Papers() =>
    [
        LexicalPapers.Paper(Attention, "Attention Is All You Need",
            "The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.",
            ["Ashish Vaswani", "Noam Shazeer"], "cs.CL cs.LG", new DateOnly(2017, 6, 12), upvotes: 50, githubRepo: "https://github.com/tensorflow/tensor2tensor"),
        LexicalPapers.Paper(NeuralAttention, "Neural networks with attention",
            "We study how attention helps neural networks; all you need is data.",
            ["Geoffrey Hinton"], "cs.LG", new DateOnly(2025, 1, 2), upvotes: 5),
        LexicalPapers.Paper(DiffusionBeatsGans, "Diffusion Models Beat GANs on Image Synthesis",
            "We show that diffusion models can achieve image sample quality superior to generative models.",
            ["Prafulla Dhariwal", "Alex Nichol"], "cs.CV cs.LG", new DateOnly(2021, 5, 11), upvotes: 100, githubRepo: "https://github.com/openai/guided-diffusion"),
        LexicalPapers.Paper(Ddpm, "Denoising Diffusion Probabilistic Models",
            "We present high quality image synthesis results using diffusion probabilistic models, a class of latent variable models.",
            ["Jonathan Ho", "Jürgen Müller"], "cs.LG stat.ML", new DateOnly(2020, 6, 19), upvotes: 20),
        LexicalPapers.Paper(Quantum, "Quantum error correction with surface codes",
            "Surface codes protect logical qubits; we pay attention to decoders.",
            ["Alice Qubit"], "quant-ph", new DateOnly(2024, 3, 1), upvotes: 1),
        LexicalPapers.Paper(StopWords, "To Be or Not to Be: a study of stop words",
            "Words such as these are common in queries.",
            ["Bob Stop"], "cs.IR", new DateOnly(2023, 1, 1)),
        LexicalPapers.Paper(HintonDiagrams, "Hinton diagrams for weight matrices",
            "Visualising weights as squares.",
            ["Carol Smith"], "cs.LG", new DateOnly(2019, 2, 2)),
        LexicalPapers.Paper(Unsafe, "Cross-site scripting in abstracts",
            "Injected <script>alert('x')</script> markup & \"quotes\" are shown as text; the scripting stays inert. We bound $\\alpha$ by alpha.",
            ["Mallory Evil"], "cs.CR", new DateOnly(2022, 2, 2)),
    ];

    public async Task InitializeAsync()
    {
        Bed = await LexicalTestbed.CreateAsync();
        await Bed.WriteAsync([.. Papers()]);
        await Bed.CatchUpAsync();
    }

    public async Task DisposeAsync() => await Bed.DisposeAsync();
}
