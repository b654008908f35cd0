package dev.keeptrusts.export.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvSinkTest {
  @Test
  void formulaCellsAreNeutralised() {
    assertEquals("'=SUM(A1:A9)", CsvSink.neutraliseFormula("=SUM(A1:A9)"));
    assertEquals("'+1", CsvSink.neutraliseFormula("+1"));
    assertEquals("'-cmd", CsvSink.neutraliseFormula("-cmd"));
    assertEquals("'@SUM(1)", CsvSink.neutraliseFormula("@SUM(1)"));
    assertEquals("'\tx", CsvSink.neutraliseFormula("\tx"));
    assertEquals("'\rx", CsvSink.neutraliseFormula("\rx"));
  }

  @Test
  void ordinaryCellsAreUntouched() {
    assertEquals("gw-prod-01", CsvSink.neutraliseFormula("gw-prod-01"));
    assertEquals("", CsvSink.neutraliseFormula(""));
    assertEquals("a=b", CsvSink.neutraliseFormula("a=b"));
  }
}
