package io.loadlens.dlms.apdu;

/** Lets tests in other packages read the vectors of {@link GreenBookVectorsTest}. */
public final class GreenBookVectorsTestAccess {
  private GreenBookVectorsTestAccess() {}

  public static byte[] vector(String name) {
    byte[] v = GreenBookVectorsTest.V.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no vector " + name);
    }
    return v.clone();
  }
}
