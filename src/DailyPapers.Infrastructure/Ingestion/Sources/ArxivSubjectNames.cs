namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// Maps the subject names arXiv writes in Dublin Core ("Computer Science - Computer Vision and Pattern Recognition")
/// back to category codes (cs.CV), from arXiv's category taxonomy, including names it has since changed.
/// </summary>
internal static class ArxivSubjectNames
{
    private static readonly Dictionary<string, string> Codes = Build();

    /// <summary>The category code for a subject name, or null for names that are not arXiv categories.</summary>
    public static string? ToCode(string subject) =>
        Codes.TryGetValue(string.Join(' ', subject.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), out var code)
            ? code
            : null;

    private static Dictionary<string, string> Build()
    {
        var codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Archive(string prefix, string archive, params (string Code, string Name)[] categories)
        {
            foreach (var (code, name) in categories)
            {
                codes[$"{prefix} - {name}"] = $"{archive}.{code}";
            }
        }

        Archive("Computer Science", "cs",
            ("AI", "Artificial Intelligence"), ("AR", "Hardware Architecture"), ("CC", "Computational Complexity"),
            ("CE", "Computational Engineering, Finance, and Science"), ("CG", "Computational Geometry"),
            ("CL", "Computation and Language"), ("CR", "Cryptography and Security"),
            ("CV", "Computer Vision and Pattern Recognition"), ("CY", "Computers and Society"), ("DB", "Databases"),
            ("DC", "Distributed, Parallel, and Cluster Computing"), ("DL", "Digital Libraries"),
            ("DM", "Discrete Mathematics"), ("DS", "Data Structures and Algorithms"), ("ET", "Emerging Technologies"),
            ("FL", "Formal Languages and Automata Theory"), ("GL", "General Literature"), ("GR", "Graphics"),
            ("GT", "Computer Science and Game Theory"), ("HC", "Human-Computer Interaction"),
            ("IR", "Information Retrieval"), ("IT", "Information Theory"), ("LG", "Machine Learning"), ("LG", "Learning"),
            ("LO", "Logic in Computer Science"), ("MA", "Multiagent Systems"), ("MM", "Multimedia"),
            ("MS", "Mathematical Software"), ("NA", "Numerical Analysis"), ("NE", "Neural and Evolutionary Computing"),
            ("NI", "Networking and Internet Architecture"), ("OH", "Other Computer Science"), ("OS", "Operating Systems"),
            ("PF", "Performance"), ("PL", "Programming Languages"), ("RO", "Robotics"), ("SC", "Symbolic Computation"),
            ("SD", "Sound"), ("SE", "Software Engineering"), ("SI", "Social and Information Networks"),
            ("SY", "Systems and Control"));
        Archive("Mathematics", "math",
            ("AC", "Commutative Algebra"), ("AG", "Algebraic Geometry"), ("AP", "Analysis of PDEs"),
            ("AT", "Algebraic Topology"), ("CA", "Classical Analysis and ODEs"), ("CO", "Combinatorics"),
            ("CT", "Category Theory"), ("CV", "Complex Variables"), ("DG", "Differential Geometry"),
            ("DS", "Dynamical Systems"), ("FA", "Functional Analysis"), ("GM", "General Mathematics"),
            ("GN", "General Topology"), ("GR", "Group Theory"), ("GT", "Geometric Topology"),
            ("HO", "History and Overview"), ("IT", "Information Theory"), ("KT", "K-Theory and Homology"),
            ("LO", "Logic"), ("MG", "Metric Geometry"), ("MP", "Mathematical Physics"), ("NA", "Numerical Analysis"),
            ("NT", "Number Theory"), ("OA", "Operator Algebras"), ("OC", "Optimization and Control"),
            ("PR", "Probability"), ("QA", "Quantum Algebra"), ("RA", "Rings and Algebras"),
            ("RT", "Representation Theory"), ("SG", "Symplectic Geometry"), ("SP", "Spectral Theory"),
            ("ST", "Statistics Theory"));
        Archive("Statistics", "stat",
            ("AP", "Applications"), ("CO", "Computation"), ("ME", "Methodology"), ("ML", "Machine Learning"),
            ("OT", "Other Statistics"), ("TH", "Statistics Theory"));
        Archive("Electrical Engineering and Systems Science", "eess",
            ("AS", "Audio and Speech Processing"), ("IV", "Image and Video Processing"), ("SP", "Signal Processing"),
            ("SY", "Systems and Control"));
        Archive("Economics", "econ", ("EM", "Econometrics"), ("GN", "General Economics"), ("TH", "Theoretical Economics"));
        Archive("Quantitative Biology", "q-bio",
            ("BM", "Biomolecules"), ("CB", "Cell Behavior"), ("GN", "Genomics"), ("MN", "Molecular Networks"),
            ("NC", "Neurons and Cognition"), ("OT", "Other Quantitative Biology"), ("PE", "Populations and Evolution"),
            ("QM", "Quantitative Methods"), ("SC", "Subcellular Processes"), ("TO", "Tissues and Organs"));
        Archive("Quantitative Finance", "q-fin",
            ("CP", "Computational Finance"), ("EC", "Economics"), ("GN", "General Finance"),
            ("MF", "Mathematical Finance"), ("PM", "Portfolio Management"), ("PR", "Pricing of Securities"),
            ("RM", "Risk Management"), ("ST", "Statistical Finance"), ("TR", "Trading and Market Microstructure"));
        Archive("Astrophysics", "astro-ph",
            ("CO", "Cosmology and Nongalactic Astrophysics"), ("EP", "Earth and Planetary Astrophysics"),
            ("GA", "Astrophysics of Galaxies"), ("HE", "High Energy Astrophysical Phenomena"),
            ("IM", "Instrumentation and Methods for Astrophysics"), ("SR", "Solar and Stellar Astrophysics"));
        Archive("Condensed Matter", "cond-mat",
            ("dis-nn", "Disordered Systems and Neural Networks"), ("mes-hall", "Mesoscale and Nanoscale Physics"),
            ("mtrl-sci", "Materials Science"), ("other", "Other Condensed Matter"), ("quant-gas", "Quantum Gases"),
            ("soft", "Soft Condensed Matter"), ("stat-mech", "Statistical Mechanics"),
            ("str-el", "Strongly Correlated Electrons"), ("supr-con", "Superconductivity"));
        Archive("Nonlinear Sciences", "nlin",
            ("AO", "Adaptation and Self-Organizing Systems"), ("CD", "Chaotic Dynamics"),
            ("CG", "Cellular Automata and Lattice Gases"), ("PS", "Pattern Formation and Solitons"),
            ("SI", "Exactly Solvable and Integrable Systems"));
        Archive("Physics", "physics",
            ("acc-ph", "Accelerator Physics"), ("ao-ph", "Atmospheric and Oceanic Physics"),
            ("app-ph", "Applied Physics"), ("atm-clus", "Atomic and Molecular Clusters"), ("atom-ph", "Atomic Physics"),
            ("bio-ph", "Biological Physics"), ("chem-ph", "Chemical Physics"), ("class-ph", "Classical Physics"),
            ("comp-ph", "Computational Physics"), ("data-an", "Data Analysis, Statistics and Probability"),
            ("ed-ph", "Physics Education"), ("flu-dyn", "Fluid Dynamics"), ("gen-ph", "General Physics"),
            ("geo-ph", "Geophysics"), ("hist-ph", "History and Philosophy of Physics"),
            ("ins-det", "Instrumentation and Detectors"), ("med-ph", "Medical Physics"), ("optics", "Optics"),
            ("plasm-ph", "Plasma Physics"), ("pop-ph", "Popular Physics"), ("soc-ph", "Physics and Society"),
            ("space-ph", "Space Physics"));

        // Archives without subject classes are named on their own.
        codes["Astrophysics"] = "astro-ph";
        codes["Condensed Matter"] = "cond-mat";
        codes["General Relativity and Quantum Cosmology"] = "gr-qc";
        codes["High Energy Physics - Experiment"] = "hep-ex";
        codes["High Energy Physics - Lattice"] = "hep-lat";
        codes["High Energy Physics - Phenomenology"] = "hep-ph";
        codes["High Energy Physics - Theory"] = "hep-th";
        codes["Mathematical Physics"] = "math-ph";
        codes["Nuclear Experiment"] = "nucl-ex";
        codes["Nuclear Theory"] = "nucl-th";
        codes["Quantum Physics"] = "quant-ph";
        return codes;
    }
}
