using DailyPapers.Core.Citations;

namespace DailyPapers.Core.Tests.Citations;

/// <summary>Names split by arXiv's rules (arxiv-base, arxiv/authors): key name with particles, forenames, suffix.</summary>
public sealed class ArxivAuthorNameTests
{
    [Theory]
    [InlineData("Ashish Vaswani", "Vaswani", "Ashish", "")]
    [InlineData("Muhammad Rameez Ur Rahman", "Rahman", "Muhammad Rameez Ur", "")]
    [InlineData("Ludwig van Beethoven", "van Beethoven", "Ludwig", "")]
    [InlineData("Jean de la Fontaine", "de la Fontaine", "Jean", "")]
    [InlineData("Luis Della Costa", "Della Costa", "Luis", "")]
    [InlineData("John Smith Jr.", "Smith", "John", "Jr.")]
    [InlineData("Henry Ford III", "Ford", "Henry", "III")]
    [InlineData("Plato", "Plato", "", "")]
    [InlineData("A.B. Smith", "Smith", "A. B.", "")]
    [InlineData("Ricky T.  Q. Chen", "Chen", "Ricky T. Q.", "")]
    public void A_name_splits_into_key_name_forenames_and_suffix(string name, string keyname, string forenames, string suffix)
    {
        Assert.Equal(new ArxivAuthorName(keyname, forenames, suffix), ArxivAuthorName.Parse(name));
    }

    [Fact]
    public void The_three_layouts_put_the_parts_where_each_reader_wants_them()
    {
        var name = ArxivAuthorName.Parse("Ludwig van Beethoven Jr.");
        var plato = ArxivAuthorName.Parse("Plato");

        Assert.Equal(("Ludwig van Beethoven Jr.", "Beethoven, Ludwig van, Jr.", "Beethoven Jr., Ludwig van"), (name.FullName, name.KeynameFirst, name.ScholarName));
        Assert.Equal(("Plato", "Plato", "Plato"), (plato.FullName, plato.KeynameFirst, plato.ScholarName));
    }

    [Fact]
    public void A_particle_before_the_surname_goes_with_it_in_every_layout()
    {
        var name = ArxivAuthorName.Parse("Ludwig van Beethoven");

        Assert.Equal(("Ludwig van Beethoven", "van Beethoven, Ludwig", "van Beethoven, Ludwig"), (name.FullName, name.KeynameFirst, name.ScholarName));
    }

    [Fact]
    public void Leading_collaborations_are_one_name_and_et_al_is_no_author()
    {
        var names = ArxivAuthorName.ParseAll(["The ATLAS Collaboration", "Georges Aad", "Analysis Group Leader", "et al."]);

        Assert.Equal(
            [new("The ATLAS Collaboration", "", ""), new("Aad", "Georges", ""), new("Leader", "Analysis Group", "")],
            names);
    }
}
