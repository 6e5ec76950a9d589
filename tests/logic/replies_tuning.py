"""The reply checker's tuning table: written replies and the findings each must get.

The checker (doorway.guide.reply_check) is tuned until every row here matches
exactly. Its honest score comes from the other table, replies_heldout.py, which
was written at the same time, before the checker, and is never tuned against.

Each row is ``(text, [kinds])``: the exact set of findings a reader would give
the reply. How the rows were labelled (the same guide for both tables):

- ``criticism``: a global "you always / you never / you constantly / every time
  you" about something the partner does wrong, or an attack on their character
  ("you're so selfish", "what's wrong with you?"). A specific complaint is not
  criticism, nor is "always" or "never" said kindly or about the speaker.
- ``contempt``: insults, name-calling, mockery and sarcasm ("yeah right",
  "poor you", "grow up", "whatever", an eye-roll emoji).
- ``defensiveness``: pushing blame away ("but I…", "that's not fair", "not my
  fault", "you're the one who…", "what about you?").
- ``ultimatum``: a threat tied to a demand ("or I'm leaving", "if you won't…
  then we're done", "last chance").
- ``mind_reading``: telling the partner, as a fact, what they think, feel, want
  or mean, usually something unflattering ("you just want to win", "you don't
  care", "I know you think…").
- ``pressure``: a demand on the partner ("you have to", "you need to", "you
  must", "you should", "I need you to", "you don't have a choice").
- ``i_statement``: the speaker's own feeling, need or wish ("I feel…", "I'm
  worried", "I miss…", "I'd like…"), but not "I feel like you…", which is a
  "you" statement in disguise.
- ``reflection``: saying back what the partner said or feels, as a summary
  ("it sounds like…", "so you're saying…", "you said…").
- ``question``: an open question ("what…?", "how…?", "tell me more"); a
  closed yes/no question is not one, nor is a question that is really an
  accusation ("why are you always like this?") or a suggestion ("how about…").
- ``validation``: saying their view makes sense ("that makes sense", "I can see
  why", "that's fair", "no wonder…"), which is not the same as agreeing.
- ``invitation``: a request that leaves room for no ("would you be willing",
  "could we", "how about we", "let's").
"""

#: A long reply with one finding at the very end.
LONG_CALM_THEN_CRITICISM = "We had dinner and talked about the weekend. " * 40 + "You never listen."
#: A long reply with nothing to find.
LONG_CALM = "We had a calm day at home and cooked together. " * 80

ROWS = [
    # --- criticism ---------------------------------------------------------
    ("You always leave the dishes for me.", ["criticism"]),
    ("You never listen to me.", ["criticism"]),
    ("You're so selfish.", ["criticism"]),
    ("You are always on your phone when I talk to you.", ["criticism"]),
    ("Every time you get home you go straight to the TV.", ["criticism"]),
    ("You never ever think about how I feel.", ["criticism"]),
    ("What is wrong with you?", ["criticism"]),
    ("The problem is you.", ["criticism"]),
    ("You constantly interrupt me.", ["criticism"]),
    ("You're lazy and you know it.", ["criticism"]),
    ("Why are you always like this?", ["criticism"]),
    ("Why do you never want to talk?", ["criticism"]),
    ("How could you be so thoughtless?", ["criticism"]),
    ("You only ever think about yourself.", ["criticism"]),
    ("You can never just say yes to anything.", ["criticism"]),
    ("You’re always working and you never make time for us.", ["criticism"]),
    ("How many times do I have to ask you?", ["criticism"]),
    ("YOU NEVER HELP.", ["criticism"]),
    ("You are so stubborn about everything.", ["criticism"]),
    ("You're never home.", ["criticism"]),
    ("you're so lazy", ["criticism"]),
    ("youre so lazy", ["criticism"]),
    ("Zoë, you always forget my birthday.", ["criticism"]),
    ("ÇA VA? You never call.", ["criticism"]),
    (LONG_CALM_THEN_CRITICISM, ["criticism"]),
    # --- "always" and "never" said kindly, or not about the partner ---------
    ("You always make me laugh.", []),
    ("You always know how to cheer me up.", []),
    ("I never want you to feel blamed.", ["i_statement"]),
    ("You never give up on us, and I love that.", ["i_statement"]),
    ("I always feel better after we talk.", ["i_statement"]),
    ("You have always been there for me.", []),
    ("I'm not saying you never help.", []),
    ("You never fail to make me smile.", []),
    ("You're always so kind to my mum.", []),
    # --- contempt ----------------------------------------------------------
    ("Oh great, another lecture from you.", ["contempt"]),
    ("Yeah right, like you'd ever go to therapy.", ["contempt"]),
    ("You're pathetic.", ["contempt"]),
    ("Don't be such a baby about it.", ["contempt"]),
    ("Grow up.", ["contempt"]),
    ("Whatever.", ["contempt"]),
    ("Poor you, having to talk about feelings.", ["contempt"]),
    ("That's the stupidest thing I've ever heard.", ["contempt"]),
    ("You're an idiot if you think that.", ["contempt"]),
    ("Wow, real mature.", ["contempt"]),
    ("Give me a break.", ["contempt"]),
    ("Cry me a river.", ["contempt"]),
    ("Typical. You always do this.", ["contempt", "criticism"]),
    ("Sure, because you're such an expert on feelings 🙄", ["contempt"]),
    ("Get over it.", ["contempt"]),
    ("Are you kidding me?", ["contempt"]),
    ("You're being ridiculous.", ["contempt"]),
    ("Who cares what you think.", ["contempt"]),
    # --- defensiveness -----------------------------------------------------
    ("But I did ask you first!", ["defensiveness"]),
    ("That's not fair.", ["defensiveness"]),
    ("It's not my fault we're in this mess.", ["defensiveness"]),
    ("That’s not fair, I do plenty.", ["defensiveness"]),
    ("I didn't do anything wrong.", ["defensiveness"]),
    ("What about you? You're not perfect either.", ["defensiveness"]),
    ("Don't blame me for this.", ["defensiveness"]),
    ("But I was only trying to help.", ["defensiveness"]),
    ("You're the one who started it.", ["defensiveness"]),
    ("Yes, but you do it too.", ["defensiveness"]),
    ("Not my fault you forgot.", ["defensiveness"]),
    ("I was just joking.", ["defensiveness"]),
    ("I know, but I had a really long day.", ["defensiveness"]),
    ("dont blame me", ["defensiveness"]),
    ("Its not my fault", ["defensiveness"]),
    # --- "but I" that is not defensive ---------------------------------------
    ("I hear you, but I also want us to be happy.", ["i_statement", "validation"]),
    ("I'm nervous, but I want to try.", ["i_statement"]),
    # --- ultimatum ---------------------------------------------------------
    ("Go to therapy or I'm leaving.", ["ultimatum"]),
    ("If you won't come with me, then we're done.", ["ultimatum"]),
    ("This is your last chance.", ["ultimatum"]),
    ("Either we get help or it's over.", ["ultimatum"]),
    ("Come to one session or else.", ["ultimatum"]),
    ("If you don’t go, I’m leaving you.", ["ultimatum"]),
    ("I'll move out if you keep saying no.", ["ultimatum"]),
    ("I'm done. We're done.", ["ultimatum"]),
    ("Last chance: therapy or divorce.", ["ultimatum"]),
    ("I want a divorce if nothing changes.", ["ultimatum"]),
    # --- not an ultimatum ----------------------------------------------------
    ("This isn't an ultimatum, I just want us to talk.", ["i_statement"]),
    ("I'm not going anywhere.", []),
    ("We're done with dinner, can we talk now?", ["invitation"]),
    ("It's not your last chance, there's no deadline.", []),
    # --- mind reading --------------------------------------------------------
    ("You just want to win this argument.", ["mind_reading"]),
    ("You don't care about us anymore.", ["mind_reading"]),
    ("I know you think therapy is a waste of money.", ["mind_reading"]),
    ("You obviously don't want to fix this.", ["mind_reading"]),
    ("You're only saying that to get out of it.", ["mind_reading"]),
    ("You think I'm the problem.", ["mind_reading"]),
    ("Deep down you know I'm right.", ["mind_reading"]),
    ("You'd rather be anywhere but here.", ["mind_reading"]),
    ("You never wanted this relationship to work.", ["criticism", "mind_reading"]),
    ("You're just scared of what the therapist will say.", ["mind_reading"]),
    ("You don't even love me.", ["mind_reading"]),
    ("You want me to feel guilty.", ["mind_reading"]),
    ("I feel that you don't care.", ["mind_reading"]),
    # --- asking, not telling -------------------------------------------------
    ("What do you think about trying one session?", ["question"]),
    ("I don't know what you think yet, and I'd like to.", ["i_statement"]),
    ("How do you feel about it?", ["question"]),
    ("If you don't want to, that's okay.", []),
    # --- pressure ----------------------------------------------------------
    ("You have to come with me.", ["pressure"]),
    ("You need to see someone.", ["pressure"]),
    ("You must go to this appointment.", ["pressure"]),
    ("You should just agree.", ["pressure"]),
    ("You've got to try harder.", ["pressure"]),
    ("You'd better be there on Monday.", ["pressure"]),
    ("I need you to say yes today.", ["pressure"]),
    ("You don’t have a choice.", ["pressure"]),
    ("We're going whether you like it or not.", ["pressure"]),
    # --- no pressure -----------------------------------------------------------
    ("You don't have to decide today.", []),
    ("You don't need to say yes right now.", []),
    ("What do you need to feel ready?", ["question"]),
    ("Do you have to work late again?", []),
    # --- I-statements --------------------------------------------------------
    ("I feel lonely when we don't talk in the evenings.", ["i_statement"]),
    ("I'm worried about us.", ["i_statement"]),
    ("I miss how close we used to be.", ["i_statement"]),
    ("I'd like us to get some help together.", ["i_statement"]),
    ("I've been feeling really stuck lately.", ["i_statement"]),
    ("I love you and I want this to work.", ["i_statement"]),
    ("It matters a lot to me that we try.", ["i_statement"]),
    ("I feel like you never listen.", ["criticism"]),
    ("i'm scared of losing us", ["i_statement"]),
    ("I’m hopeful this could help.", ["i_statement"]),
    ("When you said “therapy is for broken couples”, I felt sad.", ["i_statement"]),
    ("Je t'aime. I want us to be okay.", ["i_statement"]),
    # --- reflection ----------------------------------------------------------
    ("It sounds like you're worried the therapist will take my side.", ["reflection"]),
    ("So you're saying it feels like being put on trial.", ["reflection"]),
    ("What I'm hearing is that money is the big worry.", ["reflection"]),
    ("If I understand you, you'd rather try on our own first.", ["reflection"]),
    ("You said you don't want a stranger knowing our business.", ["reflection"]),
    ("So for you, it's more about time than money.", ["reflection"]),
    ("Sounds like this feels like a lot right now.", ["reflection"]),
    ("You're worried it will make things worse, is that right?", ["reflection"]),
    ("Let me make sure I get it: you feel ganged up on.", ["reflection"]),
    # --- open questions ------------------------------------------------------
    ("What worries you most about it?", ["question"]),
    ("How would you want it to go, if we tried?", ["question"]),
    ("What would make it feel safer for you?", ["question"]),
    ("Can you tell me more about that?", ["question"]),
    ("Which part feels hardest?", ["question"]),
    ("Why do you think it wouldn't help?", ["question"]),
    ("what do you need from me", ["question"]),
    ("Tell me more about what happened last time.", ["question"]),
    ("Are you okay?", []),
    ("Is that true?", []),
    # --- validation ----------------------------------------------------------
    ("That makes sense.", ["validation"]),
    ("It makes sense that you'd feel nervous about it.", ["validation"]),
    ("I can see why you'd feel that way.", ["validation"]),
    ("I understand why it feels risky.", ["validation"]),
    ("That's fair.", ["validation"]),
    ("You have a point about the cost.", ["validation"]),
    ("No wonder you're tired of talking about it.", ["validation"]),
    ("Anyone would feel nervous about that.", ["validation"]),
    ("That sounds really hard.", ["validation"]),
    ("That doesn't make sense.", []),
    ("I can't see why that would matter.", []),
    ("You’re right, I did raise it at a bad time.", ["validation"]),
    # --- invitations ---------------------------------------------------------
    ("Would you be willing to try one session?", ["invitation"]),
    ("Could we look at a few therapists together?", ["invitation"]),
    ("How about we pick a time that works for you?", ["invitation"]),
    ("What if we tried an online session first?", ["invitation"]),
    ("Would you be open to a single consultation call?", ["invitation"]),
    ("Let's take a break and come back to this tonight.", ["invitation"]),
    ("Maybe we could read about it together.", ["invitation"]),
    ("Can we talk about this on Sunday?", ["invitation"]),
    ("Would you consider a relationship check-up?", ["invitation"]),
    ("Why don't we try it once and see?", ["invitation"]),
    ("Is it okay if we talk after dinner?", ["invitation"]),
    ("Would it be alright if I went to one session on my own first?", ["invitation"]),
    ("We can't keep doing this.", []),
    ("Can we talk 🙂 I miss you ❤️", ["i_statement", "invitation"]),
    # --- several findings at once ----------------------------------------------
    ("I feel hurt, but you never listen anyway.", ["criticism", "i_statement"]),
    ("I'm scared, and it makes sense that you are too. Would you be willing to look together?",
     ["i_statement", "invitation", "validation"]),
    ("You always say no, so you have to come this time or I'm leaving.",
     ["criticism", "pressure", "ultimatum"]),
    ("It sounds like you're worried about cost. What would help?", ["question", "reflection"]),
    ("That's not fair, you're the one who never wants to talk.", ["criticism", "defensiveness"]),
    ("I can see why you're unsure. How about we just try one call?",
     ["invitation", "validation"]),
    ("You’re being ridiculous, you know you need to go.", ["contempt", "pressure"]),
    ("I love you. I'm worried. What do you think?", ["i_statement", "question"]),
    ("You just don't care, and frankly you're pathetic.", ["contempt", "mind_reading"]),
    # --- nothing to find -----------------------------------------------------------
    ("", []),
    ("   \n\t  ", []),
    ("Okay.", []),
    ("We went to the shops on Saturday.", []),
    ("Ich möchte, dass wir reden.", []),
    (LONG_CALM, []),
]
