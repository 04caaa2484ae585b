"""Small hand-written list files in the real published formats."""

from __future__ import annotations

from pathlib import Path

import pytest

SDN = ('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
       '306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"a.k.a. \'BNC\'."\n'
       '2674,"ABDULLAH, Ahmed",individual,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
       '"DOB 1960; nationality Iran; Passport A1234567 (Iran)."\n')
ALT = '36,12,"aka","AERO-CARIBBEAN",-0- \n306,220,"aka","NATIONAL BANK OF CUBA",-0- \n'
ADD = '306,200,"Calle 1","Havana","Cuba",-0- \n'
UN = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>1</DATAID><FIRST_NAME>ABDULHAI</FIRST_NAME><SECOND_NAME>SALEK</SECOND_NAME>
      <UN_LIST_TYPE>Taliban</UN_LIST_TYPE><REFERENCE_NUMBER>TAi.108</REFERENCE_NUMBER>
      <NATIONALITY><VALUE>Afghanistan</VALUE></NATIONALITY>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Abdul Hai Salik</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Abu Salek</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_DOCUMENT><NUMBER>OA 123456</NUMBER></INDIVIDUAL_DOCUMENT>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <DATAID>2</DATAID><FIRST_NAME>AL-AKHTAR TRUST</FIRST_NAME>
      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDe.121</REFERENCE_NUMBER>
      <ENTITY_ADDRESS><CITY>Karachi</CITY><COUNTRY>Pakistan</COUNTRY></ENTITY_ADDRESS>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
"""
CSL_CSV = (
    "source,entity_number,type,programs,name,title,addresses,alt_names,citizenships,nationalities,ids\n"
    '"Entity List (EL) - Bureau of Industry and Security",,,,Huawei Technologies Co. Ltd.,,'
    '"Bantian, Longgang District, Shenzhen, CN",Huawei; HiSilicon,,,\n'
    '"Specially Designated Nationals (SDN) - Treasury Department",20264,Entity,SDNTK,'
    '"200G PSA HOLDINGS LLC",,"80 SW 8th Street, Miami, FL, US",,,,"US, 80-0890696, Tax ID No."\n'
)
CSL_JSON = """{"results": [
 {"source": "Entity List (EL) - Bureau of Industry and Security", "name": "Sugon",
  "alt_names": ["Dawning Information Industry Co."], "programs": [],
  "addresses": [{"address": "Beijing", "city": "Beijing", "country": "CN"}],
  "ids": [{"type": "Registration", "number": "91120000", "country": "CN"}]}
]}"""
SIMPLE = "name,aliases,country,list\nAcme Trading LLC,Acme Trade; ACME TR,IR,internal\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def list_files(tmp_path: Path) -> dict[str, Path]:
    return {
        "sdn": write(tmp_path, "sdn.csv", SDN), "alt": write(tmp_path, "alt.csv", ALT),
        "add": write(tmp_path, "add.csv", ADD), "un": write(tmp_path, "un.xml", UN),
        "csl_csv": write(tmp_path, "csl.csv", CSL_CSV), "csl_json": write(tmp_path, "csl.json", CSL_JSON),
        "simple": write(tmp_path, "simple.csv", SIMPLE),
    }
