"""Each loader on small files in the real formats, including malformed rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontierguard.controls.screening.loaders import load_files, sniff
from frontierguard.core.errors import InputError

from .conftest import write


@pytest.mark.parametrize(("key", "fmt"), [
    ("sdn", "ofac_sdn"), ("alt", "ofac_alt"), ("add", "ofac_add"), ("un", "un_xml"),
    ("csl_csv", "csl_csv"), ("csl_json", "csl_json"), ("simple", "simple_csv"),
])
def test_sniff(list_files: dict[str, Path], key: str, fmt: str) -> None:
    assert sniff(list_files[key]) == fmt


def test_ofac_files_load_together(list_files: dict[str, Path]) -> None:
    [loaded] = load_files([list_files["sdn"], list_files["alt"], list_files["add"]])
    by_id = {e.entry_id: e for e in loaded.entries}
    assert loaded.source == "OFAC SDN" and len(by_id) == 3
    assert by_id["306"].aliases == ["NATIONAL BANK OF CUBA"]
    assert by_id["306"].addresses == ["Calle 1, Havana, Cuba"]
    assert by_id["2674"].kind == "person"
    assert by_id["2674"].countries == ["Iran"] and by_id["2674"].identifiers == ["A1234567"]


def test_un_xml(list_files: dict[str, Path]) -> None:
    [loaded] = load_files([list_files["un"]])
    person, entity = loaded.entries
    assert loaded.list_date == dt.date(2026, 2, 27)
    assert person.name == "ABDULHAI SALEK" and person.aliases == ["Abdul Hai Salik"]  # Low dropped
    assert person.identifiers == ["OA 123456"] and person.countries == ["Afghanistan"]
    assert entity.kind == "organization" and entity.countries == ["Pakistan"]


def test_csl_csv_and_json(list_files: dict[str, Path]) -> None:
    [csv_list] = load_files([list_files["csl_csv"]])
    huawei, psa = csv_list.entries
    assert (huawei.list_name, huawei.aliases) == ("EL", ["Huawei", "HiSilicon"])
    assert psa.list_name == "SDN" and psa.identifiers == ["80-0890696"]
    [json_list] = load_files([list_files["csl_json"]])
    assert json_list.entries[0].identifiers == ["91120000"]
    assert json_list.entries[0].countries == ["CN"]


def test_simple_csv(list_files: dict[str, Path]) -> None:
    [loaded] = load_files([list_files["simple"]])
    assert loaded.entries[0].aliases == ["Acme Trade", "ACME TR"]


@pytest.mark.parametrize(("name", "text", "where"), [
    ("sdn.csv", '36,"AEROCARIBBEAN",-0-,"CUBA",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n'
                'x7,"BAD",-0-,"CUBA",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n', "row 2, field 'ent_num'"),
    ("sdn.csv", '36,"AEROCARIBBEAN",-0-,"CUBA",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n'
                '37,"SHORT",-0-\n', "row 2"),
    ("un.xml", "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>9</DATAID>"
               "</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>", "record 1, field 'FIRST_NAME'"),
    ("un.xml", "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n</CONSOLIDATED_LIST>", "line 3"),
    ("csl.csv", "source,name,alt_names,addresses,programs,ids\nEntity List (EL),,,,,\n",
     "row 2, field 'name'"),
    ("csl.json", '{"results": [{"source": "EL", "name": "ok"}, {"source": "EL"}]}',
     "row 2, field 'name'"),
    ("simple.csv", "name,aliases,country,list\nAcme,,IR,\n", "row 2, field 'list'"),
])
def test_malformed_rows_name_file_and_row(tmp_path: Path, name: str, text: str, where: str) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(InputError) as err:
        load_files([path])
    assert str(path) in str(err.value) and where in str(err.value)


def test_alias_for_unknown_entry(list_files: dict[str, Path], tmp_path: Path) -> None:
    alt = write(tmp_path, "alt2.csv", '999,1,"aka","GHOST",-0- \n')
    with pytest.raises(InputError, match=r"row 1, field .ent_num.*999"):
        load_files([list_files["sdn"], alt])


def test_alt_without_sdn_is_an_error(list_files: dict[str, Path]) -> None:
    with pytest.raises(InputError, match=r"need their sdn\.csv"):
        load_files([list_files["alt"]])


def test_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unrecognised list format"):
        load_files([write(tmp_path, "x.csv", "a,b\n1,2\n")])
