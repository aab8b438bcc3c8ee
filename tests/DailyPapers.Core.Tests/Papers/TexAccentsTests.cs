using DailyPapers.Core.Papers;

namespace DailyPapers.Core.Tests.Papers;

public class TexAccentsTests
{
    [Theory]
    [InlineData("Bal\\'azs", "Balázs")]
    [InlineData("Jos\\'e", "José")]
    [InlineData("\\'Alvaro", "Álvaro")]
    [InlineData("Mu\\~noz", "Muñoz")]
    [InlineData("Erd\\H{o}s", "Erdős")]
    [InlineData("Erd\\H os", "Erdős")]
    public void Decode_AccentOnALetter_GivesTheAccentedLetter(string tex, string expected) =>
        Assert.Equal(expected, TexAccents.Decode(tex));

    [Theory]
    [InlineData("Gr\\\"obner")]
    [InlineData("Gr{\\\"o}bner")]
    [InlineData("Gr\\\"{o}bner")]
    [InlineData("Gr{\\\"{o}}bner")]
    public void Decode_UmlautInEveryBraceForm_GivesGröbner(string tex) =>
        Assert.Equal("Gröbner", TexAccents.Decode(tex));

    [Theory]
    [InlineData("Fran\\c{c}ois", "François")]
    [InlineData("Fran\\c cois", "François")]
    [InlineData("Fran{\\c{c}}ois", "François")]
    public void Decode_Cedilla_GivesÇ(string tex, string expected) =>
        Assert.Equal(expected, TexAccents.Decode(tex));

    [Theory]
    [InlineData("Du\\v{s}an", "Dušan")]
    [InlineData("\\v{S}ime", "Šime")]
    [InlineData("Ale\\v s", "Aleš")]
    public void Decode_Caron_GivesTheHáčekLetter(string tex, string expected) =>
        Assert.Equal(expected, TexAccents.Decode(tex));

    [Theory]
    [InlineData("S{\\o}ren", "Søren")]
    [InlineData("S\\o{}ren", "Søren")]
    [InlineData("Kj\\o", "Kjø")]
    [InlineData("{\\O}stergaard", "Østergaard")]
    [InlineData("Strau\\ss", "Strauß")]
    [InlineData("Gro{\\ss}mann", "Großmann")]
    [InlineData("{\\L}ukasz", "Łukasz")]
    [InlineData("{\\AA}ngstr{\\\"o}m", "Ångström")]
    [InlineData("Kj{\\ae}r", "Kjær")]
    public void Decode_LetterCommand_GivesTheLetter(string tex, string expected) =>
        Assert.Equal(expected, TexAccents.Decode(tex));

    [Theory]
    [InlineData("S\\o ren", "Søren")]
    [InlineData("Gro\\ss mann", "Großmann")]
    [InlineData("Mart\\'\\i nez", "Martínez")]
    public void Decode_SpaceAfterALetterCommand_IsSwallowedAsInTeX(string tex, string expected) =>
        Assert.Equal(expected, TexAccents.Decode(tex));

    [Theory]
    [InlineData("Jos\\'e Luis", "José Luis")]
    [InlineData("Jos\\'{e} Luis", "José Luis")]
    [InlineData("Fran\\c{c} Luis", "Franç Luis")]
    [InlineData("Kj\\o{} Hansen", "Kjø Hansen")]
    public void Decode_SpaceAfterAnAccentedLetterOrBraces_IsKept(string tex, string expected) =>
        Assert.Equal(expected, TexAccents.Decode(tex));

    [Theory]
    [InlineData("Mart{\\'\\i}nez")]
    [InlineData("Mart\\'{\\i}nez")]
    [InlineData("Mart\\'\\i{}nez")]
    [InlineData("Mart\\'inez")]
    public void Decode_AccentedDotlessI_GivesÍ(string tex) =>
        Assert.Equal("Martínez", TexAccents.Decode(tex));

    [Theory]
    [InlineData("{M}eyer", "Meyer")]
    [InlineData("Simon {Van Gool}", "Simon Van Gool")]
    public void Decode_GroupingBraces_AreRemoved(string tex, string expected) =>
        Assert.Equal(expected, TexAccents.Decode(tex));

    [Theory]
    [InlineData("Geoffrey Hinton")]
    [InlineData("Yann LeCun")]
    [InlineData("Jürgen Schmidhuber")]
    [InlineData("O'Neil")]
    [InlineData("")]
    public void Decode_PlainName_IsUnchanged(string name) => Assert.Equal(name, TexAccents.Decode(name));

    [Fact]
    public void Decode_UnknownCommand_IsLeftAsWritten() =>
        Assert.Equal("A\\&B Labs", TexAccents.Decode("A\\&B Labs"));
}
