<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnnotationController</name>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations &amp;Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select some text first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tag has the key %1 (Edit → Tags…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select some text or a highlight first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a highlight first (click it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No annotations here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading chosen by a reader: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight with a note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags of this highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour of this highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first tag&apos;s colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore automatic reading</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationDelegate</name>
    <message>
        <source>Reading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>highlight</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>Search quotes and notes in all articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All readers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orphaned (%1): the passage is no longer in the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches in %2 articles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BilingualController</name>
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
    <message>
        <source>Cannot change the level</source>
        <translation>无法更改水平</translation>
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
    <name>DictionaryPopup</name>
    <message>
        <source>Add to vocabulary</source>
        <translation>加入生词本</translation>
    </message>
    <message>
        <source>Keep this word, its sentence and the article in your vocabulary list</source>
        <translation>把这个词、所在句子和文章记入生词本</translation>
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
        <source>HSK</source>
        <translation>HSK</translation>
    </message>
    <message>
        <source>name</source>
        <translation>专名</translation>
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
        <source>%1 highlights</source>
        <translation>%1 处标注</translation>
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
        <source>Import texts</source>
        <translation>导入文本</translation>
    </message>
    <message>
        <source>Texts (*.txt *.md *.markdown);;All files (*)</source>
        <translation>文本 (*.txt *.md *.markdown);;所有文件 (*)</translation>
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
        <source>Only text (.txt) and Markdown (.md) files can be imported.</source>
        <translation>只能导入文本 (.txt) 和 Markdown (.md) 文件。</translation>
    </message>
    <message>
        <source>About Bilingual Reader</source>
        <translation>关于 Bilingual Reader</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Bilingual Reader %1&lt;/h3&gt;&lt;p&gt;Read Chinese with pinyin above the characters, switch between simplified and traditional script, and annotate.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data and libraries&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Dictionary: CC-CEDICT, licensed CC BY-SA 4.0 (MDBG).&lt;/li&gt;&lt;li&gt;Font: Noto Sans CJK, SIL Open Font License 1.1.&lt;/li&gt;&lt;li&gt;Readings: pypinyin (MIT). Segmentation: jieba (MIT). Script conversion: OpenCC (Apache 2.0).&lt;/li&gt;&lt;li&gt;Interface: Qt for Python / PySide6 (LGPL 3).&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;Bilingual Reader %1&lt;/h3&gt;&lt;p&gt;阅读中文：拼音标在汉字上方，可在简体与繁体之间切换，并可加标注。&lt;/p&gt;&lt;p&gt;&lt;b&gt;数据与程序库&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;词典：CC-CEDICT，采用 CC BY-SA 4.0 许可 (MDBG)。&lt;/li&gt;&lt;li&gt;字体：Noto Sans CJK，SIL 开放字体许可证 1.1。&lt;/li&gt;&lt;li&gt;读音：pypinyin (MIT)。分词：jieba (MIT)。简繁转换：OpenCC (Apache 2.0)。&lt;/li&gt;&lt;li&gt;界面：Qt for Python / PySide6 (LGPL 3)。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>The rendered note appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a note in Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a highlight to write a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link not opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only web (http, https) and e-mail links can be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open link?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this link in your web browser?

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New highlights and notes are signed with this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader &amp;name:</source>
        <translation type="unfinished"></translation>
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
    <name>SelectionToolbar</name>
    <message>
        <source>Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain highlight (H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight and write a note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagManagerDialog</name>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagset (type a new name for a new one):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese name (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) use the tag %1. Delete it and take it off them?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete tag</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Bilingual Reader</source>
        <translation>Bilingual Reader</translation>
    </message>
    <message>
        <source>The library cannot be opened.</source>
        <translation>无法打开文库。</translation>
    </message>
</context>
</TS>
