// epubcheck over many EPUBs in one JVM: `java -cp epubcheck.jar EpubcheckMany.java A.epub B.epub…`
// (Java's source-file mode, no compile step). One JVM start costs several seconds on a loaded
// machine; checking 60 books this way takes a third of the time of 60 `java -jar` runs. Each book's
// report is framed by `== PATH` and `== exit CODE`; the exit status is 1 when any book failed.
public class EpubcheckMany {
  public static void main(String[] args) {
    int failed = 0;
    for (String path : args) {
      System.out.println("== " + path);
      int code = new com.adobe.epubcheck.tool.EpubChecker().run(new String[] {path});
      System.out.println("== exit " + code);
      if (code != 0) failed++;
    }
    System.exit(failed == 0 ? 0 : 1);
  }
}
